package api.pantheon.payments.ids;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row ids that sort in the order they were made: RFC 9562's version 7 UUIDs, a millisecond time stamp
 * first, then a count within the millisecond (so one instance's ids never go backwards, even when its
 * clock does), then 62 random bits. Written the usual way (lower-case, fixed width), they sort as strings
 * the way they sort as numbers.
 * <p>
 * Why not random (version 4) ids: a row written or changed lands in the index page its key falls in.
 * With random keys the rows of one transaction (a batch of expiries, a group of callbacks, a payment's
 * postings) fall in as many pages as there are rows, and every one of those pages is written again at
 * commit (H2 writes whole pages; PostgreSQL logs a full page the first time one changes after a
 * checkpoint). Ids made together land together, so the pages written per row drop to a few per batch.
 * The ids stay unguessable enough to hand out (62 random bits), and they tell no more than the creation
 * time every answer already shows.
 */
public final class TimeOrderedIds {

    private static final int COUNTER_BITS = 12;
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long RANDOM_BITS = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeOrderedIds THIS_SERVER = new TimeOrderedIds();

    /** The last id's milliseconds and count, as {@code millis << 12 | count}. */
    private final AtomicLong last = new AtomicLong();

    TimeOrderedIds() {
    }

    /** A new id, after every id this server made before. */
    public static String next() {
        return THIS_SERVER.madeAt(System.currentTimeMillis());
    }

    String madeAt(long nowMillis) {
        // A 4,097th id within one millisecond borrows the next one; after a clock stepped back, ids go on
        // counting from the last one rather than sorting before it.
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, nowMillis << COUNTER_BITS));
        long high = (stamp >>> COUNTER_BITS) << 16 | VERSION_7 | (stamp & ((1L << COUNTER_BITS) - 1));
        return new UUID(high, RANDOM.nextLong() & RANDOM_BITS | VARIANT).toString();
    }
}
