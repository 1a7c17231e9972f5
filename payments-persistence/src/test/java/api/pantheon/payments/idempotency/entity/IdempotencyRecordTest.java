package api.pantheon.payments.idempotency.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyRecordTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aKeyExpiresAfterItsLifetimeAndCanThenBeClaimedAfresh() {
        IdempotencyRecord record = new IdempotencyRecord("client", "key", "hash-1", NOW, DAY);
        record.complete(200, "{\"id\":1}", NOW);
        assertFalse(record.isExpiredAt(NOW.plus(DAY).minusMillis(1)));
        assertTrue(record.isExpiredAt(NOW.plus(DAY)));

        record.claim("hash-2", NOW.plus(DAY), DAY);
        assertFalse(record.isCompleted(), "a fresh claim has no answer yet");
        assertTrue(record.matches("hash-2"));
        assertEquals(Optional.empty(), record.responseBody());
        assertFalse(record.isExpiredAt(NOW.plus(DAY)));
    }

    @Test
    void anAnswerThatHeldASecretIsNeverKept() {
        IdempotencyRecord record = new IdempotencyRecord("operator", "key", "hash", NOW, DAY);
        record.completeWithoutReplay(201, NOW);
        assertTrue(record.isCompleted());
        assertFalse(record.isReplayable());
        assertEquals(Optional.empty(), record.responseBody());
        assertEquals(Optional.of(201), record.responseStatus());
    }

    @Test
    void aClaimWithoutAnAnswerIsAbandonedOnlyAfterItsCutoff() {
        IdempotencyRecord record = new IdempotencyRecord("client", "key", "hash", NOW, DAY);
        assertFalse(record.isAbandonedBefore(NOW));
        assertTrue(record.isAbandonedBefore(NOW.plusSeconds(1)));
        record.complete(200, "{}", NOW);
        assertFalse(record.isAbandonedBefore(NOW.plusSeconds(1)), "an answered claim is never abandoned");
    }
}
