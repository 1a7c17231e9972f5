package api.pantheon.payments.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Two instances numbering events from one database sequence, as in a cluster. */
class EventSequencesTest {

    /** The database's event_seq: each call gives the next block's first number. */
    private final AtomicLong databaseSequence = new AtomicLong(1);
    private final AtomicLong blocksTaken = new AtomicLong();

    private EventSequences instance() {
        return new EventSequences() {
            @Override
            long takeBlock() {
                blocksTaken.incrementAndGet();
                return databaseSequence.getAndAdd(BLOCK);
            }
        };
    }

    @Test
    void numbersAreUniqueAcrossInstancesAndTakeOneRoundTripPerBlock() {
        EventSequences first = instance();
        EventSequences second = instance();
        Set<Long> given = new HashSet<>();
        for (int i = 0; i < 3 * EventSequences.BLOCK; i++) {
            assertTrue(given.add(first.after(0)));
            assertTrue(given.add(second.after(0)));
        }
        assertEquals(6, blocksTaken.get());
    }

    @Test
    void aRequestsNextEventComesAfterItsLastEvenWhenAnotherInstanceNumberedThatFromANewerBlock() {
        EventSequences older = instance();
        EventSequences newer = instance();
        long fromOlderBlock = older.after(0);
        long lastOfTheRequest = newer.after(fromOlderBlock);
        assertTrue(lastOfTheRequest > fromOlderBlock);

        // the older instance's block still holds numbers below the request's last event: it takes a new one
        long next = older.after(lastOfTheRequest);
        assertTrue(next > lastOfTheRequest, next + " must come after " + lastOfTheRequest);
        assertEquals(3, blocksTaken.get());
        // and goes on from that new block without another round trip
        assertEquals(next + 1, older.after(next));
        assertEquals(3, blocksTaken.get());
    }
}
