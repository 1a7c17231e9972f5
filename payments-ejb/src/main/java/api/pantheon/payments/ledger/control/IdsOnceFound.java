package api.pantheon.payments.ledger.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Account ids that never change once they exist, kept by this instance as found. One not found yet is
 * looked up again every time, so that an account opened meanwhile (on any instance) is found at once.
 * Bounded: past {@code capacity} keys it starts again empty, which costs only lookups.
 */
final class IdsOnceFound {

    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final int capacity;

    IdsOnceFound(int capacity) {
        this.capacity = capacity;
    }

    Optional<Long> get(String key, Supplier<Optional<Long>> lookup) {
        Long known = ids.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = lookup.get();
        found.ifPresent(id -> {
            if (ids.size() >= capacity) {
                ids.clear();
            }
            ids.put(key, id);
        });
        return found;
    }
}
