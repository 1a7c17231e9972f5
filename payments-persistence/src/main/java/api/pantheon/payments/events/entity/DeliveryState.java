package api.pantheon.payments.events.entity;

public enum DeliveryState {
    /** Owed; due at its next attempt time. */
    PENDING,
    /** On the JMS queue. */
    QUEUED,
    /** Being sent by a worker. */
    SENDING,
    DELIVERED,
    /** Every try of the schedule failed; an operator or the client may replay it. */
    DEAD
}
