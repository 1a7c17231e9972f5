package api.pantheon.payments.requests.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a payment request, with its one transition table. {@code PROCESSING} covers a payment
 * that is under way with a business system; it ends paid, or back to pending if that payment fails.
 */
public enum RequestStatus {
    PENDING, PROCESSING, PAID, DECLINED, CANCELLED, EXPIRED;

    private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(PROCESSING, PAID, DECLINED, CANCELLED, EXPIRED),
            PROCESSING, EnumSet.of(PENDING, PAID, EXPIRED),
            PAID, EnumSet.noneOf(RequestStatus.class),
            DECLINED, EnumSet.noneOf(RequestStatus.class),
            CANCELLED, EnumSet.noneOf(RequestStatus.class),
            EXPIRED, EnumSet.noneOf(RequestStatus.class));

    public boolean canMoveTo(RequestStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
