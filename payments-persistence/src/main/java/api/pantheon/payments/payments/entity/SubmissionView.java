package api.pantheon.payments.payments.entity;

import api.pantheon.payments.requests.entity.RequestView;
import java.time.Instant;

/**
 * A make-payment submission as its caller sees it (seed 003's item): the request being paid, its latest
 * payment, how many submissions it has had, and when either last changed.
 */
public record SubmissionView(RequestView item, PaymentView payment, long submissionCount, Instant lastUpdated) {

    /** Whether the business system has answered: the payment completed or failed. */
    public boolean answered() {
        return payment.status().isFinal();
    }
}
