-- Seed 000: payment requests delivered to the recipient through a messaging channel.
ALTER TABLE party ADD COLUMN email VARCHAR(254);
ALTER TABLE party ADD COLUMN preferred_channel VARCHAR(32);
ALTER TABLE payment_request ADD COLUMN channel VARCHAR(32);
ALTER TABLE delivery ADD COLUMN channel VARCHAR(32);
CREATE INDEX payment_request_inbox ON payment_request (recipient_party_id, status, created_at);
