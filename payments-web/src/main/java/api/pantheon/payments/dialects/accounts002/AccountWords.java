package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.requests.entity.RequestStatus;

/** How dialect 002 (and 003's item) names a request's status: its own name; a payment under way still reads PENDING. */
public final class AccountWords {

    private AccountWords() {
    }

    public static String of(RequestStatus status) {
        return status == RequestStatus.PROCESSING ? RequestStatus.PENDING.name() : status.name();
    }
}
