-- What each delivery is, so that the dialect owning that kind renders and signs it when it is sent.
ALTER TABLE delivery ADD COLUMN kind VARCHAR(32);
UPDATE delivery SET kind = 'SUBMISSION_CALLBACK' WHERE payment_id IS NOT NULL;
UPDATE delivery SET kind = 'CHANNEL_EMAIL' WHERE payment_id IS NULL AND channel = 'email';
UPDATE delivery SET kind = 'CHANNEL_MESSAGE' WHERE payment_id IS NULL AND channel IS NOT NULL AND channel <> 'email';
UPDATE delivery SET kind = 'REQUEST_CALLBACK' WHERE kind IS NULL;
ALTER TABLE delivery ALTER COLUMN kind SET NOT NULL;
