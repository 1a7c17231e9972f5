-- Idempotency records expire, count against a cap of open claims per client, and never keep an
-- answer that held a secret. Records from before this version expire a day after they were made.
ALTER TABLE idempotency_record ADD COLUMN client_id VARCHAR(64);
ALTER TABLE idempotency_record ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE idempotency_record SET expires_at = created_at + INTERVAL '1' DAY;
ALTER TABLE idempotency_record ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE idempotency_record ADD COLUMN replayable BOOLEAN DEFAULT TRUE NOT NULL;
-- Keys issued with an Idempotency-Key were kept with their token and signing secret: forget them.
UPDATE idempotency_record SET response_body = NULL, replayable = FALSE WHERE response_body LIKE '%"signing_secret"%';
CREATE INDEX idempotency_open ON idempotency_record (client_id, completed_at);
CREATE INDEX idempotency_expiry ON idempotency_record (expires_at);
