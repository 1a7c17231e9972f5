-- Reconciliation with the business system: one line per line of its settlement file for a day, and
-- one (line_number 0) per payment of ours that its file does not list, each with what both sides say.
CREATE TABLE reconciliation_line (
    run_id          VARCHAR(36)   NOT NULL,
    submission_id   VARCHAR(64)   NOT NULL,
    line_number     BIGINT        NOT NULL,
    report_day      DATE          NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    request_id      VARCHAR(36),
    our_amount      NUMERIC(19,4),
    our_currency    VARCHAR(3),
    our_status      VARCHAR(16),
    their_amount    NUMERIC(19,4),
    their_currency  VARCHAR(3),
    their_status    VARCHAR(16),
    PRIMARY KEY (run_id, submission_id, line_number)
);
CREATE INDEX reconciliation_line_order ON reconciliation_line (run_id, line_number);
CREATE INDEX reconciliation_line_outcome ON reconciliation_line (run_id, outcome);
