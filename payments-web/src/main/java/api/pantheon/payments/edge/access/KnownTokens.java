package api.pantheon.payments.edge.access;

import api.pantheon.payments.parties.boundary.KeyHolder;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers for half a second which party a valid token belongs to, so that a busy client costs one
 * database look-up per half second rather than one per call. Only valid tokens are remembered (a
 * flood of wrong ones cannot fill it), keyed by the token's digest, never the token. A key revoked on
 * any instance stops working on this one within {@link #TTL}: the promise is one second.
 */
@ApplicationScoped
public class KnownTokens {

    static final Duration TTL = Duration.ofMillis(500);
    private static final int MAX_ENTRIES = 50_000;

    private record Known(KeyHolder holder, Instant until) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Inject
    Parties parties;

    @Inject
    Clock clock;

    public Optional<KeyHolder> holderOf(String token) {
        String digest = Secrets.sha256Hex(token);
        Instant now = clock.instant();
        Known hit = known.get(digest);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.holder());
        }
        Optional<KeyHolder> holder = parties.authenticate(token);
        if (holder.isPresent()) {
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            known.put(digest, new Known(holder.get(), now.plus(TTL)));
        } else {
            known.remove(digest);
        }
        return holder;
    }
}
