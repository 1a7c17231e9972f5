package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.requests.entity.RequestStatus;

/** How dialect 001 names a request's status: declined, cancelled and expired all read {@code rejected}. */
final class RequestWords {

    private RequestWords() {
    }

    static String of(RequestStatus status) {
        return switch (status) {
            case PENDING, PROCESSING -> "pending";
            case PAID -> "paid";
            case DECLINED, CANCELLED, EXPIRED -> "rejected";
        };
    }
}
