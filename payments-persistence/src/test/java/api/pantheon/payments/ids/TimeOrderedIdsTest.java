package api.pantheon.payments.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final long SOME_MILLIS = 1_796_000_000_000L;

    private final TimeOrderedIds ids = new TimeOrderedIds();

    @Test
    void isAVersion7UuidStampedWithItsMillisecond() {
        UUID id = UUID.fromString(ids.madeAt(SOME_MILLIS));

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(SOME_MILLIS, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsMadeLaterSortAfterAsStrings() {
        String earlier = ids.madeAt(SOME_MILLIS);
        String later = ids.madeAt(SOME_MILLIS + 1);

        assertTrue(earlier.compareTo(later) < 0, earlier + " sorts before " + later);
    }

    @Test
    void manyInOneMillisecondAndAClockSteppedBackStillGoForwardAndDiffer() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.madeAt(SOME_MILLIS + 1));
        }
        made.add(ids.madeAt(SOME_MILLIS)); // the clock went back

        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
        assertEquals(made.size(), new HashSet<>(made).size());
    }
}
