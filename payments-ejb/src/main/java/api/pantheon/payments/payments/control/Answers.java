package api.pantheon.payments.payments.control;

import api.pantheon.payments.payments.entity.SubmissionView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who is waiting in this instance for a submission's answer: suspended make-payment calls register
 * here and are handed the item when the answer is stored, by this instance at once, or by another one
 * within a second ({@code AnswersFromElsewhere} reads them from the database).
 */
@ApplicationScoped
public class Answers {

    private final Map<String, List<Consumer<SubmissionView>>> waiting = new ConcurrentHashMap<>();

    public void await(String paymentId, Consumer<SubmissionView> onAnswer) {
        waiting.computeIfAbsent(paymentId, id -> new CopyOnWriteArrayList<>()).add(onAnswer);
    }

    public void forget(String paymentId, Consumer<SubmissionView> onAnswer) {
        waiting.computeIfPresent(paymentId, (id, list) -> {
            list.remove(onAnswer);
            return list.isEmpty() ? null : list;
        });
    }

    /** The submissions someone here waits for. */
    public Set<String> awaited() {
        return Set.copyOf(waiting.keySet());
    }

    /** The answer is stored (or the payment parked): hand everyone waiting for it the item as it now stands. */
    public void answered(SubmissionView item) {
        List<Consumer<SubmissionView>> waiters = waiting.remove(item.payment().id());
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.accept(item));
        }
    }
}
