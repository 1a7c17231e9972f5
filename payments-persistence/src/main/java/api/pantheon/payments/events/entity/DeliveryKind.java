package api.pantheon.payments.events.entity;

/**
 * What a delivery is, and so which dialect renders and signs it when it is sent: the core stores
 * only the kind and the facts, never a body.
 */
public enum DeliveryKind {
    /** A request's change POSTed to its requester's notify_url (seed 001). */
    REQUEST_CALLBACK,
    /** A make-payment submission's answer POSTed to its payer's callback (seed 003). */
    SUBMISSION_CALLBACK,
    /** A request sent to its recipient through an HTTP messaging gateway (seed 000). */
    CHANNEL_MESSAGE,
    /** A request sent to its recipient by email (seed 000). */
    CHANNEL_EMAIL;

    /** Whether it goes out by mail rather than as an HTTP POST. */
    public boolean isMail() {
        return this == CHANNEL_EMAIL;
    }
}
