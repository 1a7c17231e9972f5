package api.pantheon.payments.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The submissions this instance has sent to the business system and not yet stored an answer for:
 * what a stopping server waits for before it parks the rest.
 *
 * <p>An explicit lock, not {@code synchronized} methods: Weld's client proxy synchronises on itself
 * around a synchronized method, so a waiting caller would keep every other caller out.
 */
@ApplicationScoped
public class InFlight {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<String> submissions = new HashSet<>();

    public void started(String paymentId) {
        lock.lock();
        try {
            submissions.add(paymentId);
        } finally {
            lock.unlock();
        }
    }

    public void finished(String paymentId) {
        lock.lock();
        try {
            if (submissions.remove(paymentId)) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is in flight or {@code limit} has passed; what is still in flight then. */
    public Set<String> awaitNone(Duration limit) throws InterruptedException {
        long left = limit.toNanos();
        lock.lock();
        try {
            while (!submissions.isEmpty() && left > 0) {
                left = changed.awaitNanos(left);
            }
            return Set.copyOf(submissions);
        } finally {
            lock.unlock();
        }
    }
}
