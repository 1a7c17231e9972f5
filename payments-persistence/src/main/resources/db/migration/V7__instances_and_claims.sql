-- Each running server instance, with a heartbeat: work claimed by an instance whose heartbeat has
-- stopped (killed, crashed) is taken up again by the others, or by the same server after its restart.
CREATE TABLE instance (
    id            VARCHAR(36) PRIMARY KEY,
    name          VARCHAR(64) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX instance_heartbeat ON instance (heartbeat_at);

-- Which instance queued or is sending a delivery.
ALTER TABLE delivery ADD COLUMN claimed_by VARCHAR(36);
CREATE INDEX delivery_claimed ON delivery (state, claimed_by);

-- Whose URL a delivery goes to, so that each party sees only its own side: the requester's
-- notify_url, the payer's make-payment callback. Messages to a recipient's channel are the
-- requester's to follow, without the channel's address.
ALTER TABLE delivery ADD COLUMN party_id VARCHAR(36);
UPDATE delivery SET party_id = (SELECT e.party_id FROM event e WHERE e.id = delivery.event_id) WHERE payment_id IS NULL;
UPDATE delivery SET party_id = (SELECT p.payer_party_id FROM payment p WHERE p.id = delivery.payment_id) WHERE payment_id IS NOT NULL;
ALTER TABLE delivery_attempt ADD COLUMN party_id VARCHAR(36);
ALTER TABLE delivery_attempt ADD COLUMN channel VARCHAR(32);
UPDATE delivery_attempt SET party_id = (SELECT d.party_id FROM delivery d WHERE d.id = delivery_attempt.delivery_id),
    channel = (SELECT d.channel FROM delivery d WHERE d.id = delivery_attempt.delivery_id);
CREATE INDEX delivery_party ON delivery (request_id, party_id);
