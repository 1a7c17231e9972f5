package api.pantheon.payments.timers;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a periodic job skip a tick while its previous run is still going, instead of piling runs
 * up behind a lock: the running one takes the new work too.
 */
public final class OneAtATime {

    private final AtomicBoolean running = new AtomicBoolean();

    /** Runs {@code job} unless a run is already under way; true when it ran. */
    public boolean run(Runnable job) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            running.set(false);
        }
    }
}
