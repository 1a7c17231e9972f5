package api.pantheon.payments.diagnostics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The SQL statements sent to the database, as {@link StatementProfiler} counts them: in all, for the
 * benchmark's statements per operation, and on the current thread, for what one call costs (the edge
 * reports it on a response when asked to, and a test guards it). Two increments per statement: cheap
 * enough to stay on in production.
 */
public final class SqlStatements {

    private static final LongAdder TOTAL = new LongAdder();
    private static final ThreadLocal<long[]> ON_THIS_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private SqlStatements() {
    }

    static void sent() {
        TOTAL.increment();
        ON_THIS_THREAD.get()[0]++;
    }

    /** Statements sent since the server started, by every thread. */
    public static long total() {
        return TOTAL.sum();
    }

    /** Statements this thread has sent since it began: a call's cost is the difference across it. */
    public static long onThisThread() {
        return ON_THIS_THREAD.get()[0];
    }
}
