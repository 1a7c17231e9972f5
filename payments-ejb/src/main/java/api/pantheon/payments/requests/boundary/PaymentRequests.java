package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.LedgerTransaction;
import api.pantheon.payments.ledger.entity.TransactionKind;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.money.control.Currencies;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.requests.entity.PaymentRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The transaction boundary for payment requests: create, read, pay, reject, cancel, expire. Every
 * dialect comes through here, so the rules hold the same whichever API a client speaks. A request
 * is visible only to its requester and its recipient; to anyone else it does not exist.
 */
@Stateless
public class PaymentRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Currencies currencies;

    @Inject
    Parties parties;

    @Inject
    Ledger ledger;

    public PaymentRequest create(String requesterPartyId, NewPaymentRequest order) {
        if (order.amount() == null) {
            throw ErrorCode.INVALID_DATA.exception("amount: is required");
        }
        Money amount = currencies.positive(order.amount(), order.currency());
        currencies.requireWithinLimit(amount);
        Party recipient = parties.findByUsernameOrPhone(order.recipient())
                .orElseThrow(ErrorCode.RECIPIENT_NOT_FOUND::exception);
        Account payInto = ledger.walletOf(requesterPartyId, amount.currencyCode())
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("currency: you hold no "
                        + amount.currencyCode() + " account to be paid into"));
        PaymentRequest request = PaymentRequest.builder()
                .requester(requesterPartyId, payInto.id())
                .recipient(recipient.id())
                .amount(amount)
                .description(order.description())
                .imageUrl(order.imageUrl())
                .order(order.order())
                .terminal(order.terminal())
                .notifyUrl(order.notifyUrl())
                .lifetime(order.lifetime())
                .build(clock.instant());
        em.persist(request);
        return request;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PaymentRequest find(String requestId, String callerPartyId) {
        return visible(em.find(PaymentRequest.class, requestId), callerPartyId);
    }

    /**
     * The recipient pays from one of its accounts into the requester's, in one transaction. The
     * request row is locked first, so of many concurrent payers exactly one finds it pending.
     */
    public PaymentRequest pay(String requestId, String payerPartyId, Long payerAccountId) {
        PaymentRequest request = lockVisible(requestId, payerPartyId);
        if (!request.recipientPartyId().map(payerPartyId::equals).orElse(false)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the recipient may pay this payment request");
        }
        Instant now = clock.instant();
        request.requirePayableAt(now);
        Account payer = ledger.ownedBy(payerPartyId, payerAccountId)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("account_id: you hold no account " + payerAccountId));
        Money amount = request.amount();
        if (!payer.currency().equals(amount.currency())) {
            throw ErrorCode.CURRENCY_MISMATCH.exception("account_id: account " + payerAccountId + " holds "
                    + payer.currency() + ", the request is in " + amount.currency());
        }
        Payment payment = new Payment(request.id(), payerPartyId, payer.id(), request.requesterAccountId(), amount, now);
        payment.startProcessing(now);
        LedgerTransaction transaction = ledger.transfer(payer.id(), request.requesterAccountId(), amount,
                TransactionKind.PAYMENT, payment.id());
        payment.complete(transaction.id(), now);
        em.persist(payment);
        request.markPaid(payment.id(), now);
        return request;
    }

    public PaymentRequest decline(String requestId, String callerPartyId) {
        PaymentRequest request = lockVisible(requestId, callerPartyId);
        if (!request.recipientPartyId().map(callerPartyId::equals).orElse(false)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the recipient may reject this payment request");
        }
        request.decline(clock.instant());
        return request;
    }

    public PaymentRequest cancel(String requestId, String callerPartyId) {
        PaymentRequest request = lockVisible(requestId, callerPartyId);
        if (!request.requesterPartyId().equals(callerPartyId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the requester may cancel this payment request");
        }
        request.cancel(clock.instant());
        return request;
    }

    /**
     * Marks pending requests past their deadline as expired, at most {@code batch} of them, each by
     * a conditional update: with several instances sweeping, each request expires exactly once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireDue(int batch) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<String> due = em.createNamedQuery(PaymentRequest.DUE_FOR_EXPIRY, String.class)
                .setParameter("now", now).setMaxResults(batch).getResultList();
        int expired = 0;
        for (String id : due) {
            expired += em.createNamedQuery(PaymentRequest.EXPIRE_IF_DUE)
                    .setParameter("id", id).setParameter("now", now).executeUpdate();
        }
        return expired;
    }

    private PaymentRequest lockVisible(String requestId, String callerPartyId) {
        return visible(requestId == null ? null : em.find(PaymentRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE),
                callerPartyId);
    }

    private static PaymentRequest visible(PaymentRequest request, String callerPartyId) {
        return Optional.ofNullable(request)
                .filter(found -> found.isParty(callerPartyId))
                .orElseThrow(ErrorCode.PAYMENT_NOT_FOUND::exception);
    }
}
