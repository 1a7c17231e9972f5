package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.payments.boundary.Submissions.Answered;
import api.pantheon.payments.payments.control.Answers;
import api.pantheon.payments.payments.control.BusinessSystem;
import api.pantheon.payments.payments.control.InFlight;
import api.pantheon.payments.payments.entity.SubmissionView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the business system's answers as they arrive, in batches on one thread per instance:
 * every approval locks the currency's clearing account, so storing answers side by side only
 * makes them queue for that lock, while a batch takes it once (see {@link Submissions#settleAll}).
 * Waiting callers are handed the items on a few threads of their own, so that writing their
 * answers does not hold up the next batch.
 */
@ApplicationScoped
public class Settler {

    private static final Logger LOG = Logger.getLogger(Settler.class.getName());
    private static final int BATCH = 100;
    private static final int WAKING_THREADS = 4;

    @Inject
    Submissions submissions;

    @Inject
    Answers answers;

    @Inject
    InFlight inFlight;

    @Resource
    ManagedThreadFactory threads;

    private final Queue<Answered> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private ExecutorService storing;
    private ExecutorService waking;

    /**
     * Created while the application starts: answers arrive on the HTTP client's own threads, where
     * the container's resources cannot be looked up, so the threads must exist before the first one.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct does the rest
    }

    @PostConstruct
    void createThreads() {
        storing = Executors.newSingleThreadExecutor(threads);
        waking = Executors.newFixedThreadPool(WAKING_THREADS, threads);
    }

    public void answered(String paymentId, BusinessSystem.Answer answer) {
        arrived.add(new Answered(paymentId, answer));
        drainSoon();
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            storing.execute(this::drain);
        }
    }

    private void drain() {
        try {
            List<Answered> batch = new ArrayList<>(BATCH);
            for (Answered next = arrived.poll(); next != null; next = arrived.poll()) {
                batch.add(next);
                if (batch.size() == BATCH) {
                    store(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store(batch);
            }
        } finally {
            draining.set(false);
            // an answer that arrived after the last poll but before the flag was cleared
            if (!arrived.isEmpty()) {
                drainSoon();
            }
        }
    }

    private void store(List<Answered> batch) {
        List<SubmissionView> settled;
        try {
            settled = submissions.settleAll(batch);
        } catch (RuntimeException batchFailed) {
            // Handled: one bad answer (or a lock wait) fails the whole batch; each is then stored alone,
            // and one that fails alone is logged there.
            LOG.log(Level.INFO, "A batch of answers failed; storing them one at a time", batchFailed);
            settled = batch.stream().flatMap(answered -> storeAlone(answered).stream()).toList();
        }
        // UNKNOWN is no answer: its waiters keep waiting, for reconciliation or their time-out
        settled.forEach(item -> waking.execute(() -> answers.answered(item)));
        batch.forEach(answered -> inFlight.finished(answered.paymentId()));
    }

    private Optional<SubmissionView> storeAlone(Answered answered) {
        try {
            return submissions.settle(answered.paymentId(), answered.answer());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Storing the answer for submission " + answered.paymentId()
                    + " failed; reconciliation will", e);
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        storing.shutdown();
        waking.shutdown();
    }
}
