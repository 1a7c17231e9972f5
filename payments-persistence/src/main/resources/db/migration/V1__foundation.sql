-- Parties, credentials, the ledger, payment requests, payments and idempotency records.
-- Written in the SQL that H2 (embedded default) and PostgreSQL (production) both accept.

CREATE TABLE party (
    id            VARCHAR(36)  PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    username      VARCHAR(64)  UNIQUE,
    phone         VARCHAR(20)  UNIQUE,
    display_name  VARCHAR(128),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_key (
    key_id                 VARCHAR(40)  PRIMARY KEY,
    party_id               VARCHAR(36)  NOT NULL REFERENCES party (id),
    token_hash             VARCHAR(64)  NOT NULL UNIQUE,
    signing_secret_sealed  VARCHAR(255) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_key_party ON api_key (party_id);

CREATE SEQUENCE account_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE account (
    id               BIGINT        PRIMARY KEY,
    party_id         VARCHAR(36)   NOT NULL REFERENCES party (id),
    currency         VARCHAR(3)    NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    balance          NUMERIC(19,4) NOT NULL,
    system_currency  VARCHAR(3)    UNIQUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT account_no_overdraft CHECK (kind = 'SYSTEM' OR balance >= 0)
);
CREATE INDEX account_party ON account (party_id, currency);

CREATE TABLE ledger_transaction (
    id          VARCHAR(36) PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL,
    reference   VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE posting (
    id              VARCHAR(36)   PRIMARY KEY,
    transaction_id  VARCHAR(36)   NOT NULL REFERENCES ledger_transaction (id),
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    amount          NUMERIC(19,4) NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX posting_account ON posting (account_id);
CREATE INDEX posting_transaction ON posting (transaction_id);

CREATE TABLE payment_request (
    id                    VARCHAR(36)   PRIMARY KEY,
    requester_party_id    VARCHAR(36)   NOT NULL REFERENCES party (id),
    requester_account_id  BIGINT        NOT NULL REFERENCES account (id),
    recipient_party_id    VARCHAR(36)   REFERENCES party (id),
    amount                NUMERIC(19,4) NOT NULL,
    currency              VARCHAR(3)    NOT NULL,
    description           VARCHAR(255),
    image_url             VARCHAR(2048),
    order_ref             VARCHAR(255),
    terminal              INTEGER,
    notify_url            VARCHAR(2048),
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    transaction_id        VARCHAR(36),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL
);
CREATE INDEX payment_request_due ON payment_request (status, expires_at);
CREATE INDEX payment_request_requester ON payment_request (requester_party_id, created_at);
CREATE INDEX payment_request_recipient ON payment_request (recipient_party_id, created_at);

CREATE TABLE payment (
    id                     VARCHAR(36)   PRIMARY KEY,
    request_id             VARCHAR(36)   REFERENCES payment_request (id),
    payer_party_id         VARCHAR(36)   NOT NULL REFERENCES party (id),
    payer_account_id       BIGINT        NOT NULL REFERENCES account (id),
    payee_account_id       BIGINT        NOT NULL REFERENCES account (id),
    amount                 NUMERIC(19,4) NOT NULL,
    currency               VARCHAR(3)    NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    ledger_transaction_id  VARCHAR(36)   REFERENCES ledger_transaction (id),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT        NOT NULL
);
CREATE INDEX payment_request_payments ON payment (request_id);

CREATE TABLE idempotency_record (
    scope            VARCHAR(300)    PRIMARY KEY,
    request_hash     VARCHAR(64)     NOT NULL,
    response_status  INTEGER,
    response_body    VARCHAR(1000000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE
);
