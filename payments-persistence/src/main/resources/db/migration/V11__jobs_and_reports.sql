-- Batch jobs: each run of a Jakarta Batch job, with the progress the platform keeps itself (JBatch
-- writes its metrics only at step boundaries), the instance that runs it, and for scheduled runs a key
-- that only one run can hold, so a schedule firing on every instance starts one run.
CREATE TABLE job_run (
    id            VARCHAR(36)   PRIMARY KEY,
    job_name      VARCHAR(64)   NOT NULL,
    run_key       VARCHAR(128)  UNIQUE,
    parameters    VARCHAR(4000),
    execution_id  BIGINT,
    status        VARCHAR(16)   NOT NULL,
    instance_id   VARCHAR(36)   NOT NULL,
    rows_total    BIGINT,
    rows_done     BIGINT        DEFAULT 0 NOT NULL,
    rows_failed   BIGINT        DEFAULT 0 NOT NULL,
    started_by    VARCHAR(128)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    outcome       VARCHAR(1000),
    version       BIGINT        NOT NULL
);
CREATE INDEX job_run_started ON job_run (started_at);
CREATE INDEX job_run_status ON job_run (status, instance_id);

-- The daily settlement report: one line per merchant account, every figure from ledger postings.
CREATE TABLE settlement_report (
    id          VARCHAR(36)  PRIMARY KEY,
    report_day  DATE         NOT NULL,
    covers_to   TIMESTAMP WITH TIME ZONE NOT NULL,
    job_run_id  VARCHAR(36),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX settlement_report_day ON settlement_report (report_day, created_at);

CREATE TABLE settlement_line (
    report_id        VARCHAR(36)   NOT NULL REFERENCES settlement_report (id),
    account_id       BIGINT        NOT NULL,
    party_id         VARCHAR(36)   NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    opening          NUMERIC(19,4) NOT NULL,
    payments_count   BIGINT        NOT NULL,
    payments_sum     NUMERIC(19,4) NOT NULL,
    refunds_count    BIGINT        NOT NULL,
    refunds_sum      NUMERIC(19,4) NOT NULL,
    deposits_sum     NUMERIC(19,4) NOT NULL,
    transfers_sum    NUMERIC(19,4) NOT NULL,
    closing          NUMERIC(19,4) NOT NULL,
    PRIMARY KEY (report_id, account_id)
);
