package api.pantheon.payments.events.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one delivery stands, with its one transition table. A replay owes the event again as a new
 * delivery, so a delivered or dead one never moves. QUEUED and SENDING fall back to PENDING when the
 * message or the instance that claimed it is lost.
 */
public enum DeliveryState {
    /** Owed; due at its next attempt time. */
    PENDING,
    /** On the JMS queue. */
    QUEUED,
    /** Being sent by a worker. */
    SENDING,
    DELIVERED,
    /** Every try of the schedule failed; an operator or the client may replay it. */
    DEAD;

    private static final Map<DeliveryState, Set<DeliveryState>> NEXT = Map.of(
            PENDING, EnumSet.of(QUEUED),
            QUEUED, EnumSet.of(SENDING, PENDING),
            SENDING, EnumSet.of(DELIVERED, PENDING, DEAD),
            DELIVERED, EnumSet.noneOf(DeliveryState.class),
            DEAD, EnumSet.noneOf(DeliveryState.class));

    public boolean canMoveTo(DeliveryState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
