package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.AccountKind;
import api.pantheon.payments.ledger.entity.LedgerTransaction;
import api.pantheon.payments.ledger.entity.TransactionKind;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.money.control.Currencies;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.requests.control.RequestLocks;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Payments: money moved from a payer's account to a payee's. {@link #settle} is the one place a
 * payment completes, whatever started it (a request paid through 001 or 002, a wallet or an approved
 * card through 003 and 000, reconciliation, a transfer); everything else here prepares one.
 */
@Stateless
public class Payments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    Currencies currencies;

    @Inject
    Events events;

    @Inject
    RequestLocks requests;

    @Inject
    Audit audit;

    private static final String REFUND = "request.refund";
    private static final String PAY = "request.pay";

    /** What a payment is about, as the payer describes it. */
    public record Details(String descriptor, String metadata) {
        public static final Details NONE = new Details(null, null);
    }

    /**
     * Settles a payment: the request it pays (if any) becomes paid, the ledger moves its amount from
     * {@code fundingAccountId} (the payer's wallet, or the clearing account for an approved card) to the
     * payee, the payment completes, and the change is published with the payment's callback. In the
     * caller's transaction: a refusal anywhere (the request no longer payable, insufficient funds) moves
     * nothing.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void settle(Payment payment, Long fundingAccountId, Optional<PaymentRequest> about, Instant now) {
        settle(payment, ledger.lockForMovement(fundingAccountId, payment.payeeAccountId()), fundingAccountId, about, now);
    }

    /**
     * {@link #settle(Payment, Long, Optional, Instant)} between accounts the caller has locked already
     * ({@link Ledger#lockForMovements}): how a transaction that settles several payments locks their
     * accounts once.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void settle(Payment payment, Ledger.Locked accounts, Long fundingAccountId, Optional<PaymentRequest> about,
                        Instant now) {
        about.ifPresent(request -> {
            if (payment.isRefund()) {
                request.refund(payment.amount(), now);
            } else {
                request.markPaid(payment.id(), now);
            }
        });
        TransactionKind kind = payment.isRefund() ? TransactionKind.REFUND
                : about.isPresent() ? TransactionKind.PAYMENT : TransactionKind.TRANSFER;
        LedgerTransaction transaction = ledger.transfer(accounts, fundingAccountId, payment.payeeAccountId(), payment.amount(),
                kind, payment.id(), now);
        payment.complete(transaction.id(), now);
        about.ifPresent(request -> events.publish(request, payment, now));
    }

    /**
     * The requester gives back part or all of a paid request, from the account it was paid into to the
     * account that paid it, through {@link #settle}. Never more than is left; the requester's account
     * must hold it.
     */
    public PaymentView refund(String requestId, String requesterPartyId, BigDecimal amount, String reason) {
        Instant now = clock.instant();
        PaymentRequest request = requests.lockVisible(requestId, requesterPartyId);
        if (!request.requesterPartyId().equals(requesterPartyId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the requester may refund a payment request");
        }
        return refund(request, amount, reason, now);
    }

    /** An operator's refund of any paid request; staff say why. */
    public PaymentView refundAsStaff(String requestId, BigDecimal amount, String reason) {
        Instant now = clock.instant();
        String why = audit.requireReason(REFUND, Audit.Target.request(requestId), reason);
        return refund(requests.lock(requestId), amount, why, now);
    }

    private PaymentView refund(PaymentRequest request, BigDecimal amount, String reason, Instant now) {
        Money money = currencies.positive(amount, request.amount().currencyCode());
        Payment paid = request.transactionId().map(id -> em.find(Payment.class, id))
                .orElseThrow(() -> ErrorCode.REQUEST_NOT_PAID.exception("Payment request " + request.id() + " is "
                        + request.storedStatus().name().toLowerCase() + "; only a paid request can be refunded"));
        Payment refund = begin(Payment.refundOf(paid, request.requesterPartyId(), money, reason, now), now);
        settle(refund, paid.payeeAccountId(), Optional.of(request), now);
        audit.done(REFUND, Audit.Target.request(request.id()), reason, now);
        return PaymentView.of(refund);
    }

    /** A request's refunds, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PaymentView> refundsOf(String requestId) {
        return em.createNamedQuery(Payment.REFUNDS_OF_REQUEST, Payment.class).setParameter("request", requestId)
                .getResultList().stream().map(PaymentView::of).toList();
    }

    /** Dialect 001: the recipient pays from one of its accounts into the requester's, in one transaction. */
    public RequestView payRequest(String requestId, String payerPartyId, Long payerAccountId) {
        Instant now = clock.instant();
        PaymentRequest request = requests.lockVisible(requestId, payerPartyId);
        requirePayer(request, payerPartyId, payerAccountId, "account_id");
        payFromWallet(request, payerPartyId, payerAccountId, "account_id", Details.NONE, now);
        audit.done(PAY, Audit.Target.request(requestId), null, now);
        return RequestView.of(request, now);
    }

    /**
     * Dialect 002's confirmation: whoever holds the code pays it from {@code fromAccountId}, unless the
     * request names its paying account or recipient, in which case only they can. A code the caller may
     * not pay reads as unknown, and so does an expired one, as the seed has it.
     */
    public PaymentView confirm(String callerPartyId, String token, Long fromAccountId, Long toAccountId,
                               BigDecimal amount, String currency, Details details) {
        Instant now = clock.instant();
        PaymentRequest request = requests.lockPayable(token, callerPartyId, fromAccountId)
                .filter(found -> found.statusAt(now) != RequestStatus.EXPIRED)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("token: unknown or expired"));
        requirePayer(request, callerPartyId, fromAccountId, "from.account.id");
        if (toAccountId != null && !toAccountId.equals(request.requesterAccountId())) {
            throw ErrorCode.INVALID_DATA.exception("to: the request is paid into account " + request.requesterAccountId());
        }
        if (amount != null && amount.compareTo(request.amount().amount()) != 0) {
            throw ErrorCode.INVALID_DATA.exception("from.amount: the request is for " + request.amount());
        }
        if (currency != null && !currency.equals(request.amount().currencyCode())) {
            throw ErrorCode.INVALID_DATA.exception("from.currency: the request is in " + request.amount().currencyCode());
        }
        Payment payment = payFromWallet(request, callerPartyId, fromAccountId, "from.account.id", details, now);
        audit.done(PAY, Audit.Target.request(request.id()), null, now);
        return PaymentView.of(payment);
    }

    private Payment payFromWallet(PaymentRequest request, String payerPartyId, Long payerAccountId, String accountField,
                                  Details details, Instant now) {
        // Locked now, as the ledger's movement needs them, rather than read here and again there.
        Ledger.Locked accounts = ledger.lockForMovement(payerAccountId, request.requesterAccountId());
        Account payer = accounts.account(payerAccountId).filter(account -> account.isOwnedBy(payerPartyId))
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception(accountField + ": you hold no account " + payerAccountId));
        Payment payment = begin(new Payment(request.id(), payerPartyId, payer.id(), request.requesterAccountId(),
                request.amount(), details.descriptor(), details.metadata(), now), now);
        settle(payment, accounts, payer.id(), Optional.of(request), now);
        return payment;
    }

    /** Money moved between an account the caller owns and any other wallet in its currency, without a request. */
    public PaymentView transfer(String callerPartyId, Long fromAccountId, String fromField, Long toAccountId, String toField,
                                BigDecimal amount, String currencyCode, Details details) {
        Instant now = clock.instant();
        Ledger.Locked accounts = ledger.lockForMovement(fromAccountId, toAccountId);
        Account from = accounts.account(fromAccountId).filter(account -> account.isOwnedBy(callerPartyId))
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception(fromField + ": you hold no account " + fromAccountId));
        Money money = currencies.positive(amount, currencyCode == null ? from.currency().getCurrencyCode() : currencyCode);
        // Someone else's account: missing, or there in another currency or of another kind, all read the same.
        accounts.account(toAccountId).filter(to -> to.kind() == AccountKind.WALLET && to.currency().equals(money.currency()))
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception(toField + ": no " + money.currencyCode()
                        + " account " + toAccountId));
        Payment payment = begin(new Payment(null, callerPartyId, from.id(), toAccountId, money, details.descriptor(),
                details.metadata(), now), now);
        settle(payment, accounts, from.id(), Optional.empty(), now);
        audit.done("payment.transfer", Audit.Target.payment(payment.id()), null, now);
        return PaymentView.of(payment);
    }

    /** A new payment, under way and stored, ready to be settled (or submitted to a business system). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Payment begin(Payment payment, Instant now) {
        payment.startProcessing(now);
        em.persist(payment);
        return payment;
    }

    private static void requirePayer(PaymentRequest request, String callerPartyId, Long accountId, String accountField) {
        if (request.mayBePaidFrom(callerPartyId, accountId)) {
            return;
        }
        if (request.payerAccountId().isPresent() && request.recipientPartyId().map(callerPartyId::equals).orElse(false)) {
            throw ErrorCode.INVALID_DATA.exception(accountField + ": this request is to be paid from account "
                    + request.payerAccountId().get());
        }
        throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the recipient may pay this payment request");
    }

    /** Any payment, for operators. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PaymentView find(String paymentId) {
        return Optional.ofNullable(paymentId == null ? null : em.find(Payment.class, paymentId)).map(PaymentView::of)
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No such payment"));
    }
}
