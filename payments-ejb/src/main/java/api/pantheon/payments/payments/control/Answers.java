package api.pantheon.payments.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is waiting in this instance for a submission's answer: suspended make-payment calls register
 * here and are woken when the answer is stored. A waiter whose time runs out reads the database
 * instead, so an answer stored by another instance is not missed.
 */
@ApplicationScoped
public class Answers {

    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    public void await(String paymentId, Runnable onAnswer) {
        waiting.computeIfAbsent(paymentId, id -> new CopyOnWriteArrayList<>()).add(onAnswer);
    }

    public void forget(String paymentId, Runnable onAnswer) {
        waiting.computeIfPresent(paymentId, (id, list) -> {
            list.remove(onAnswer);
            return list.isEmpty() ? null : list;
        });
    }

    /** The answer is stored: wake everyone waiting for it. */
    public void answered(String paymentId) {
        List<Runnable> waiters = waiting.remove(paymentId);
        if (waiters != null) {
            waiters.forEach(Runnable::run);
        }
    }
}
