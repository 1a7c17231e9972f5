package api.pantheon.payments.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rule the wallet and system-account caches rest on: what is found is kept, what is missing is asked again. */
class IdsOnceFoundTest {

    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<Long> lookUp(Optional<Long> answer) {
        lookups.incrementAndGet();
        return answer;
    }

    @Test
    void anIdOnceFoundIsNotLookedUpAgain() {
        IdsOnceFound ids = new IdsOnceFound(10);

        assertEquals(Optional.of(7L), ids.get("party:USD", () -> lookUp(Optional.of(7L))));
        assertEquals(Optional.of(7L), ids.get("party:USD", () -> lookUp(Optional.of(8L))));
        assertEquals(1, lookups.get());
    }

    @Test
    void aMissingOneIsLookedUpEveryTimeSoThatOneOpenedMeanwhileIsFound() {
        IdsOnceFound ids = new IdsOnceFound(10);

        assertEquals(Optional.empty(), ids.get("party:USD", () -> lookUp(Optional.empty())));
        assertEquals(Optional.of(9L), ids.get("party:USD", () -> lookUp(Optional.of(9L))));
        assertEquals(2, lookups.get());
    }

    @Test
    void pastItsCapacityItStartsAgainAndOnlyCostsLookups() {
        IdsOnceFound ids = new IdsOnceFound(2);
        ids.get("a", () -> lookUp(Optional.of(1L)));
        ids.get("b", () -> lookUp(Optional.of(2L)));
        ids.get("c", () -> lookUp(Optional.of(3L)));

        assertEquals(Optional.of(1L), ids.get("a", () -> lookUp(Optional.of(1L))));
        assertEquals(4, lookups.get(), "a was forgotten when c came, and found again the same");
    }
}
