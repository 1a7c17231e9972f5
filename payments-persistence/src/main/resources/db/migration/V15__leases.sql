-- Work that one instance of a cluster does at a time (a reconciliation round): whoever holds the
-- lease, until when. A holder that dies simply lets it run out.
CREATE TABLE lease (
    name        VARCHAR(64) PRIMARY KEY,
    holder      VARCHAR(36),
    held_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO lease (name, holder, held_until) VALUES ('reconciliation', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
