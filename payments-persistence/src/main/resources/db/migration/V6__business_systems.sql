-- Seed 003: card and bank accounts paid through business systems, per-currency clearing accounts,
-- and what a make-payment submission carries.
ALTER TABLE account ADD COLUMN clearing_currency VARCHAR(3) UNIQUE;
ALTER TABLE account DROP CONSTRAINT account_no_overdraft;
ALTER TABLE account ADD CONSTRAINT account_no_overdraft CHECK (kind IN ('SYSTEM', 'CLEARING') OR balance >= 0);

ALTER TABLE payment ADD COLUMN device_id VARCHAR(128);
ALTER TABLE payment ADD COLUMN ip_address VARCHAR(64);
ALTER TABLE payment ADD COLUMN callback_url VARCHAR(2048);
ALTER TABLE payment ADD COLUMN answer VARCHAR(64);
CREATE INDEX payment_status ON payment (status, updated_at);

ALTER TABLE delivery ADD COLUMN payment_id VARCHAR(36);
