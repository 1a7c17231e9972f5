package api.pantheon.payments.requests.control;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.requests.entity.PaymentRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Finds a payment request for a caller, locked or not. A request is visible to its requester and its
 * recipient (and, to pay it, to whoever it may be paid from); to anyone else it does not exist. Locking
 * the row first is what makes one of many concurrent payers the only one to find it pending.
 */
@Dependent
public class RequestLocks {

    @PersistenceContext
    EntityManager em;

    /** The request, if the caller is one of its parties; else payment_not_found. */
    public PaymentRequest visible(String requestId, String callerPartyId) {
        return partyOf(find(requestId, LockModeType.NONE), callerPartyId);
    }

    /** The same, with its row locked for the rest of the transaction. */
    public PaymentRequest lockVisible(String requestId, String callerPartyId) {
        return partyOf(find(requestId, LockModeType.PESSIMISTIC_WRITE), callerPartyId);
    }

    /** Any request, locked, for staff; payment_not_found when there is none. */
    public PaymentRequest lock(String requestId) {
        return find(requestId, LockModeType.PESSIMISTIC_WRITE).orElseThrow(ErrorCode.PAYMENT_NOT_FOUND::exception);
    }

    /**
     * Locked, if the caller is one of its parties or may pay it from the account: the request a payer
     * names by its code (002's token, 003's item). Empty when the caller may do neither.
     */
    public Optional<PaymentRequest> lockPayable(String requestId, String callerPartyId, Long accountId) {
        return find(requestId, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> found.isParty(callerPartyId) || found.mayBePaidFrom(callerPartyId, accountId));
    }

    private Optional<PaymentRequest> find(String requestId, LockModeType lock) {
        return Optional.ofNullable(requestId == null ? null : em.find(PaymentRequest.class, requestId, lock));
    }

    private static PaymentRequest partyOf(Optional<PaymentRequest> request, String callerPartyId) {
        return request.filter(found -> found.isParty(callerPartyId)).orElseThrow(ErrorCode.PAYMENT_NOT_FOUND::exception);
    }
}
