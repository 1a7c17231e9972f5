package api.pantheon.payments.payments.control;

import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.payments.entity.SubmissionView;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Make-payment submissions as their callers see them: each payment with its request, and how many
 * submissions the request has had, counted for all of them in one query.
 */
@Dependent
public class SubmissionViews {

    @PersistenceContext
    EntityManager em;

    public SubmissionView of(PaymentRequest request, Payment payment, Instant now) {
        return of(Map.of(request.id(), request), List.of(payment), now).get(0);
    }

    public List<SubmissionView> of(Map<String, PaymentRequest> requests, List<Payment> payments, Instant now) {
        if (payments.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        em.createNamedQuery(Payment.COUNT_PER_REQUEST, Object[].class).setParameter("requests", List.copyOf(requests.keySet()))
                .getResultList().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return payments.stream().map(payment -> {
            PaymentRequest request = requests.get(payment.requestId().orElseThrow());
            long count = Math.max(counts.getOrDefault(request.id(), 0L), 1);
            Instant updated = payment.updatedAt().isAfter(request.updatedAt()) ? payment.updatedAt() : request.updatedAt();
            return new SubmissionView(RequestView.of(request, now), PaymentView.of(payment), count, updated);
        }).toList();
    }
}
