package api.pantheon.payments.payments.entity;

/** Which way a payment moves money for its request. */
public enum PaymentKind {
    /** From the payer to the requester: pays the request (or, without one, a transfer). */
    PAYMENT,
    /** From the requester back to the payer: gives back part or all of a paid request. */
    REFUND
}
