package api.pantheon.payments.payments.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One attempt to move money. {@code UNKNOWN} is a real state: the business system did not answer in
 * time, and only asking it again (reconciliation) may settle the attempt; it is never retried blind.
 */
public enum PaymentStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, UNKNOWN;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(PROCESSING, FAILED),
            PROCESSING, EnumSet.of(COMPLETED, FAILED, UNKNOWN),
            UNKNOWN, EnumSet.of(COMPLETED, FAILED),
            COMPLETED, EnumSet.noneOf(PaymentStatus.class),
            FAILED, EnumSet.noneOf(PaymentStatus.class));

    public boolean canMoveTo(PaymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
