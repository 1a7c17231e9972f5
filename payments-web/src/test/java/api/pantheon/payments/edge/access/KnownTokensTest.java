package api.pantheon.payments.edge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.parties.boundary.KeyHolder;
import api.pantheon.payments.parties.boundary.Parties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A revoked key stops working within a second, on every instance, although valid tokens are remembered. */
class KnownTokensTest {

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The database as every instance sees it: the set of live tokens, and how often it was asked. */
    private static final class LiveKeys extends Parties {
        final Set<String> live = new HashSet<>(Set.of("pt_live"));
        int lookups;

        @Override
        public Optional<KeyHolder> authenticate(String token) {
            lookups++;
            return live.contains(token) ? Optional.of(HOLDER) : Optional.empty();
        }
    }

    private static final KeyHolder HOLDER = new KeyHolder("party-1", "key_1");

    private final MovingClock clock = new MovingClock();
    private final LiveKeys database = new LiveKeys();

    private KnownTokens instance() {
        KnownTokens tokens = new KnownTokens();
        tokens.parties = database;
        tokens.clock = clock;
        return tokens;
    }

    @Test
    void aRevokedKeyIsRefusedWithinOneSecondOnEveryInstance() {
        KnownTokens first = instance();
        KnownTokens second = instance();
        assertEquals(Optional.of(HOLDER), first.holderOf("pt_live"));
        assertEquals(Optional.of(HOLDER), second.holderOf("pt_live"));

        database.live.remove("pt_live"); // revoked, through whichever instance
        clock.now = clock.now.plus(Duration.ofMillis(999));
        assertEquals(Optional.empty(), first.holderOf("pt_live"), "refused within a second of the revocation");
        assertEquals(Optional.empty(), second.holderOf("pt_live"));
        assertTrue(KnownTokens.TTL.compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    void aValidTokenIsLookedUpOncePerTtlNotOncePerCall() {
        KnownTokens tokens = instance();
        for (int i = 0; i < 100; i++) {
            tokens.holderOf("pt_live");
        }
        assertEquals(1, database.lookups);
        clock.now = clock.now.plus(KnownTokens.TTL);
        tokens.holderOf("pt_live");
        assertEquals(2, database.lookups);
    }

    @Test
    void wrongTokensAreNeverRemembered() {
        KnownTokens tokens = instance();
        tokens.holderOf("pt_wrong");
        tokens.holderOf("pt_wrong");
        assertEquals(2, database.lookups);
    }
}
