-- Dialect 002: requests with a designated paying account, metadata and a location; payments with
-- the payer's descriptor and metadata; indexes for listing by account, newest first.
ALTER TABLE payment_request ADD COLUMN payer_account_id BIGINT REFERENCES account (id);
ALTER TABLE payment_request ADD COLUMN metadata VARCHAR(4096);
ALTER TABLE payment_request ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE payment_request ADD COLUMN longitude DOUBLE PRECISION;
CREATE INDEX payment_request_to_account ON payment_request (requester_account_id, created_at, id);
CREATE INDEX payment_request_from_account ON payment_request (payer_account_id, created_at, id);

ALTER TABLE payment ADD COLUMN descriptor VARCHAR(255);
ALTER TABLE payment ADD COLUMN metadata VARCHAR(4096);
