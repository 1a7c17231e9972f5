-- Bulk payment requests from a file. A merchant's external_id names one request of theirs: a file
-- imported twice, or a run restarted, finds the request it made and creates no second one.
ALTER TABLE payment_request ADD COLUMN external_id VARCHAR(64);
CREATE UNIQUE INDEX payment_request_external ON payment_request (requester_party_id, external_id);

-- One line per row of a bulk file: the request it made (or found), or why it made none.
CREATE TABLE bulk_row (
    run_id         VARCHAR(36)   NOT NULL,
    row_number     BIGINT        NOT NULL,
    external_id    VARCHAR(64),
    request_id     VARCHAR(36),
    error_code     VARCHAR(8),
    error_message  VARCHAR(500),
    PRIMARY KEY (run_id, row_number)
);
