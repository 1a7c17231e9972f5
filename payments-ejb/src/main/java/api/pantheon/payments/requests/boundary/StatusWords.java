package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.requests.entity.RequestStatus;

/** How each dialect names a request's status. */
public final class StatusWords {

    private StatusWords() {
    }

    /** Dialect 001: declined, cancelled and expired all read {@code rejected}, as its seed documents. */
    public static String payments001(RequestStatus status) {
        return switch (status) {
            case PENDING, PROCESSING -> "pending";
            case PAID -> "paid";
            case DECLINED, CANCELLED, EXPIRED -> "rejected";
        };
    }

    /** Dialect 002: the status's own name; a payment under way still reads PENDING. */
    public static String accounts002(RequestStatus status) {
        return status == RequestStatus.PROCESSING ? RequestStatus.PENDING.name() : status.name();
    }
}
