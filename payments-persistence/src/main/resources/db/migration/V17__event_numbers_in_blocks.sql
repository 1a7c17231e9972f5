-- Each instance takes event numbers a thousand at a time (EventSequences): one round trip per block,
-- not per event.
ALTER SEQUENCE event_seq INCREMENT BY 1000;
-- A request's newest event number: its next event, whichever instance writes it, is numbered after it.
ALTER TABLE payment_request ADD COLUMN last_event_sequence BIGINT;
