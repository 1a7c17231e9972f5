package api.pantheon.payments.requests.entity;

import api.pantheon.payments.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment request as read at one instant, for whoever shows it: a dialect, the console, a report.
 * Its status is the one a reader should see then (a pending request past its deadline reads expired).
 * Where it notifies its requester is left out: no party reads the other's URLs.
 */
public record RequestView(
        String id,
        String requesterPartyId,
        Long requesterAccountId,
        Optional<String> recipientPartyId,
        Optional<Long> payerAccountId,
        Money amount,
        Optional<String> description,
        Optional<String> imageUrl,
        Optional<String> order,
        Optional<Integer> terminal,
        Optional<String> channel,
        Optional<String> metadata,
        Optional<Double> latitude,
        Optional<Double> longitude,
        RequestStatus status,
        Optional<String> transactionId,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        Money refundedAmount) {

    public static RequestView of(PaymentRequest request, Instant now) {
        return new RequestView(request.id(), request.requesterPartyId(), request.requesterAccountId(),
                request.recipientPartyId(), request.payerAccountId(), request.amount(), request.description(),
                request.imageUrl(), request.order(), request.terminal(), request.channel(), request.metadata(),
                request.latitude(), request.longitude(), request.statusAt(now), request.transactionId(),
                request.createdAt(), request.updatedAt(), request.expiresAt(), request.refundedAmount());
    }
}
