-- Events written with every status change, and their deliveries to callback URLs.
-- No foreign keys from events and deliveries: they are written in the same flush as the request
-- they describe, and EclipseLink orders inserts of unrelated entities by class, not by key.
CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE event (
    id              VARCHAR(36) PRIMARY KEY,
    sequence        BIGINT      NOT NULL UNIQUE,
    party_id        VARCHAR(36) NOT NULL,
    request_id      VARCHAR(36) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    transaction_id  VARCHAR(36),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX event_party ON event (party_id, sequence);
CREATE INDEX event_request ON event (request_id, sequence);

CREATE TABLE delivery (
    id               VARCHAR(36)   PRIMARY KEY,
    event_id         VARCHAR(36)   NOT NULL,
    event_sequence   BIGINT        NOT NULL,
    request_id       VARCHAR(36)   NOT NULL,
    url              VARCHAR(2048) NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL
);
CREATE INDEX delivery_due ON delivery (state, next_attempt_at);
CREATE INDEX delivery_request ON delivery (request_id, event_sequence);
CREATE INDEX delivery_event ON delivery (event_id);

CREATE TABLE delivery_attempt (
    id            VARCHAR(36)   PRIMARY KEY,
    delivery_id   VARCHAR(36)   NOT NULL REFERENCES delivery (id),
    event_id      VARCHAR(36)   NOT NULL,
    request_id    VARCHAR(36)   NOT NULL,
    url           VARCHAR(2048) NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    http_status   INTEGER,
    error         VARCHAR(255),
    duration_ms   BIGINT        NOT NULL
);
CREATE INDEX delivery_attempt_request ON delivery_attempt (request_id, attempted_at);
