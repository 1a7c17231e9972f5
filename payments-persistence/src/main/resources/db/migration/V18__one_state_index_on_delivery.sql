-- A delivery changes state three times on its way out (claimed, started, recorded), and each change
-- rewrites every index that holds its state. delivery_claimed (state, claimed_by) and delivery_state
-- (state, updated_at) become one: the stale sweep, the dead list and retention read (state, updated_at)
-- as before, and a relay counting its own queued deliveries reads claimed_by from the same entries,
-- among the few thousand queued at most.
DROP INDEX delivery_claimed;
DROP INDEX delivery_state;
CREATE INDEX delivery_state ON delivery (state, updated_at, claimed_by);
