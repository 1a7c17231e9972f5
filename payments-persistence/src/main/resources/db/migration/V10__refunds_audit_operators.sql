-- Refunds: a refund is a payment the other way, from the requester back to the payer, of part or
-- all of what a paid request still holds. The request keeps how much of it has been given back.
ALTER TABLE payment ADD COLUMN kind VARCHAR(16) DEFAULT 'PAYMENT' NOT NULL;
ALTER TABLE payment ADD COLUMN refund_of VARCHAR(36);
ALTER TABLE payment ADD COLUMN reason VARCHAR(500);
CREATE INDEX payment_refunds ON payment (refund_of);
ALTER TABLE payment_request ADD COLUMN refunded_amount NUMERIC(19,4) DEFAULT 0 NOT NULL;
-- An event of a refund: the request stays paid, and its callback says what was given back.
ALTER TABLE event ADD COLUMN refund_id VARCHAR(36);
ALTER TABLE event ADD COLUMN refund_amount NUMERIC(19,4);
-- What had been refunded in all once this refund was made: the callback tells it as it was then.
ALTER TABLE event ADD COLUMN refunded_total NUMERIC(19,4);

-- Who did what, when, from where, and why. Rows are only ever inserted.
-- EclipseLink takes the value read as the top of a block of 50: the first must be at least 50.
CREATE SEQUENCE audit_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id           BIGINT       PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind   VARCHAR(16)  NOT NULL,
    actor        VARCHAR(128) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    target_kind  VARCHAR(32)  NOT NULL,
    target_id    VARCHAR(64)  NOT NULL,
    address      VARCHAR(64),
    reason       VARCHAR(500),
    outcome      VARCHAR(16)  NOT NULL
);
CREATE INDEX audit_time ON audit_entry (occurred_at);
CREATE INDEX audit_actor ON audit_entry (actor, occurred_at);
CREATE INDEX audit_target ON audit_entry (target_id, occurred_at);
CREATE INDEX audit_action ON audit_entry (action, occurred_at);

-- The people who run the console, with PBKDF2 password hashes and a lockout after failed logins.
CREATE TABLE operator (
    username         VARCHAR(64)  PRIMARY KEY,
    password_hash    VARCHAR(512) NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    failed_logins    INTEGER      DEFAULT 0 NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at       TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL
);

-- What the console searches and pages by, so that no page reads a whole table.
CREATE INDEX payment_request_created ON payment_request (created_at, id);
CREATE INDEX payment_request_status_created ON payment_request (status, created_at);
CREATE INDEX posting_statement ON posting (account_id, created_at, id);
CREATE INDEX delivery_state ON delivery (state, updated_at);
CREATE INDEX payment_ledger_transaction ON payment (ledger_transaction_id);
-- The console's dashboard: payments of the last day, by time.
CREATE INDEX payment_created ON payment (created_at);
