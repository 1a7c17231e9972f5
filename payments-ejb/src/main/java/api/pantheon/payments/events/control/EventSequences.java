package api.pantheon.payments.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/**
 * Numbers events without a round trip each. The instance takes a block of {@link #BLOCK} numbers from
 * {@code event_seq} (whose increment is that block) and hands them out in order. The sequence gives every
 * block to one taker, so numbers stay unique across instances; and each block it gives is above every
 * block given before.
 * <p>
 * Two rules keep the order readers rely on. A request's next event must come after its last one, which
 * another instance may have numbered from a newer block: then this instance takes a new block, which is
 * above it. And a block serves at most {@link #MOST_USED_FOR}, so that events written on two instances at
 * about the same time are numbered about in that order (a party's feed pages by number).
 */
@ApplicationScoped
public class EventSequences {

    /** The increment of {@code event_seq} (V17): change both together. */
    static final int BLOCK = 1000;
    static final Duration MOST_USED_FOR = Duration.ofSeconds(1);

    @PersistenceContext
    EntityManager em;

    private long next;
    private long end;
    private long takenAtNanos;

    /** A number no other event has, above {@code floor}. */
    public long after(long floor) {
        synchronized (this) {
            if (usable(floor)) {
                return next++;
            }
        }
        // Taken outside the lock: a caller waiting on a row another caller's transaction holds (PostgreSQL's
        // key-share lock of a foreign key, say) must never keep every other caller from its number.
        long start = takeBlock();
        synchronized (this) {
            if (!usable(floor)) {
                next = start; // above floor: the sequence gave it after that number was written
                end = start + BLOCK;
                takenAtNanos = System.nanoTime();
            } // else another caller took a usable block meanwhile; this one is left unused
            return next++;
        }
    }

    private boolean usable(long floor) {
        return next < end && next > floor && System.nanoTime() - takenAtNanos <= MOST_USED_FOR.toNanos();
    }

    /**
     * The first number of a new block. Without flushing the caller's pending writes: that would make this
     * call wait for every lock those writes need.
     */
    long takeBlock() {
        // NEXTVAL('…') is PostgreSQL's, and H2 understands it too
        return ((Number) em.createNativeQuery("SELECT NEXTVAL('event_seq')").setFlushMode(FlushModeType.COMMIT)
                .getSingleResult()).longValue();
    }
}
