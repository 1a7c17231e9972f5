package api.pantheon.payments.payments.entity;

import api.pantheon.payments.money.Money;
import java.time.Instant;
import java.util.Optional;

/** A payment (or a refund) as read: who paid which account how much, how it stands, and the transaction that moved it. */
public record PaymentView(
        String id,
        Optional<String> requestId,
        String payerPartyId,
        Long payerAccountId,
        Long payeeAccountId,
        Money amount,
        PaymentStatus status,
        Optional<String> answer,
        Optional<String> descriptor,
        Optional<String> metadata,
        Optional<String> ledgerTransactionId,
        Instant createdAt,
        Instant updatedAt,
        PaymentKind kind,
        Optional<String> refundOf,
        Optional<String> reason) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id(), payment.requestId(), payment.payerPartyId(), payment.payerAccountId(),
                payment.payeeAccountId(), payment.amount(), payment.status(), payment.answer(), payment.descriptor(),
                payment.metadata(), payment.ledgerTransactionId(), payment.createdAt(), payment.updatedAt(),
                payment.kind(), payment.refundOf(), payment.reason());
    }
}
