package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.channels.control.Channels;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.control.OutboundPolicy;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.TransactionKind;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.money.control.Currencies;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.payments.boundary.Payments;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.requests.entity.PaymentRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

    @Inject
    Payments payments;

    @Inject
    Events events;

    @Inject
    OutboundPolicy outbound;

    @Inject
    Channels channels;

    public PaymentRequest create(String requesterPartyId, NewPaymentRequest order) {
        if (order.amount() == null) {
            throw ErrorCode.INVALID_DATA.exception("amount: is required");
        }
        Money amount = currencies.positive(order.amount(), order.currency());
        currencies.requireWithinLimit(amount);
        if (order.notifyUrl() != null) {
            outbound.requireAllowed("notify_url", order.notifyUrl());
        }
        Party recipient = parties.findByUsernameOrPhone(order.recipient())
                .orElseThrow(ErrorCode.RECIPIENT_NOT_FOUND::exception);
        String channel = channelFor(order.channel(), recipient);
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
                .channel(channel)
                .build(clock.instant());
        em.persist(request);
        events.publish(request);
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
        requirePayer(request, payerPartyId, payerAccountId, "account_id");
        settle(request, payerPartyId, payerAccountId, "account_id", Payments.Details.NONE);
        return request;
    }

    /**
     * Dialect 002's confirmation: whoever holds the code pays it from {@code fromAccountId}, unless
     * the request names its paying account or recipient, in which case only they can. A code the
     * caller may not pay reads as unknown.
     */
    public Payment confirm(String callerPartyId, String token, Long fromAccountId, Long toAccountId,
                           BigDecimal amount, String currency, Payments.Details details) {
        PaymentRequest request = Optional.ofNullable(token == null ? null
                        : em.find(PaymentRequest.class, token, LockModeType.PESSIMISTIC_WRITE))
                .filter(found -> found.isParty(callerPartyId) || found.mayBePaidFrom(callerPartyId, fromAccountId))
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
        return settle(request, callerPartyId, fromAccountId, "from.account.id", details);
    }

    /** The channel asked for, else the recipient's preferred one, else the inbox; email needs an address. */
    private String channelFor(String asked, Party recipient) {
        String channel = asked != null ? channels.require("channel", asked)
                : recipient.preferredChannel().filter(channels.available()::contains).orElse(Channels.INBOX);
        if (Channels.EMAIL.equals(channel) && recipient.email().isEmpty()) {
            throw ErrorCode.INVALID_DATA.exception("channel: the recipient has no email address");
        }
        return channel;
    }

    /** Pending requests addressed to the caller, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PaymentRequest> inbox(String callerPartyId, int limit) {
        return em.createNamedQuery(PaymentRequest.INBOX, PaymentRequest.class).setParameter("party", callerPartyId)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
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

    private Payment settle(PaymentRequest request, String payerPartyId, Long payerAccountId, String accountField,
                           Payments.Details details) {
        Instant now = clock.instant();
        request.requirePayableAt(now);
        Account payer = ledger.ownedBy(payerPartyId, payerAccountId)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception(accountField + ": you hold no account " + payerAccountId));
        Payment payment = payments.execute(request.id(), payerPartyId, payer, request.requesterAccountId(),
                request.amount(), TransactionKind.PAYMENT, details);
        request.markPaid(payment.id(), now);
        events.publish(request);
        return payment;
    }

    /** Dialect 002: a request paid into one of the caller's accounts, optionally only from one account. */
    public PaymentRequest createForAccounts(String requesterPartyId, NewAccountRequest order) {
        if (order.amount() == null) {
            throw ErrorCode.INVALID_DATA.exception("amount: is required");
        }
        Money amount = currencies.positive(order.amount(), order.currency());
        currencies.requireWithinLimit(amount);
        Account to = ledger.ownedBy(requesterPartyId, order.toAccountId())
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("to.account.id: you hold no account " + order.toAccountId()));
        requireCurrency(to, amount, "to.currency");
        PaymentRequest.Builder builder = PaymentRequest.builder()
                .requester(requesterPartyId, to.id())
                .amount(amount)
                .metadata(order.metadata())
                .location(order.latitude(), order.longitude());
        if (order.fromAccountId() != null) {
            // Someone else's account: missing, and present in another currency, read the same.
            Account from = ledger.find(order.fromAccountId()).filter(found -> found.currency().equals(amount.currency()))
                    .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("from.account.id: no " + amount.currencyCode()
                            + " account " + order.fromAccountId()));
            if (from.id().equals(to.id())) {
                throw ErrorCode.INVALID_DATA.exception("from.account.id: cannot be the account paid into");
            }
            builder.payer(from.partyId(), from.id());
        }
        if (order.expiration() != null) {
            builder.deadline(order.expiration(), "expiration");
        }
        PaymentRequest request = builder.build(clock.instant());
        em.persist(request);
        events.publish(request);
        return request;
    }

    /**
     * Requests paid into ({@code toAccount}) or to be paid from ({@code fromAccount}) one of the
     * caller's accounts, newest first, after {@code after}. Keyset paging: requests created while a
     * client walks the pages are newer than its cursor, so no page shifts under it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RequestPage page(String callerPartyId, Long toAccount, Long fromAccount, RequestPage.Position after, int limit) {
        Long accountId = toAccount != null ? toAccount : fromAccount;
        Account account = ledger.ownedBy(callerPartyId, accountId).orElseThrow(ErrorCode.ACCOUNT_NOT_FOUND::exception);
        var query = em.createNamedQuery(toAccount != null ? PaymentRequest.TO_ACCOUNT : PaymentRequest.FROM_ACCOUNT,
                        PaymentRequest.class)
                .setParameter("account", account.id())
                .setParameter("createdAt", after.createdAt().atOffset(ZoneOffset.UTC))
                .setParameter("id", after.id())
                .setMaxResults(limit + 1);
        if (toAccount == null) {
            query.setParameter("owner", account.partyId()).setParameter("currency", account.currency().getCurrencyCode());
        }
        List<PaymentRequest> found = query.getResultList();
        if (found.size() <= limit) {
            return new RequestPage(found, Optional.empty());
        }
        List<PaymentRequest> page = found.subList(0, limit);
        PaymentRequest last = page.get(limit - 1);
        return new RequestPage(List.copyOf(page), Optional.of(new RequestPage.Position(last.createdAt(), last.id())));
    }

    private static void requireCurrency(Account account, Money amount, String field) {
        if (!account.currency().equals(amount.currency())) {
            throw ErrorCode.INVALID_DATA.exception(field + ": account " + account.id() + " holds " + account.currency()
                    + ", the request is in " + amount.currency());
        }
    }

    public PaymentRequest decline(String requestId, String callerPartyId) {
        PaymentRequest request = lockVisible(requestId, callerPartyId);
        if (!request.mayBeDeclinedBy(callerPartyId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the recipient may reject this payment request");
        }
        request.decline(clock.instant());
        events.publish(request);
        return request;
    }

    public PaymentRequest cancel(String requestId, String callerPartyId) {
        PaymentRequest request = lockVisible(requestId, callerPartyId);
        if (!request.requesterPartyId().equals(callerPartyId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the requester may cancel this payment request");
        }
        request.cancel(clock.instant());
        events.publish(request);
        return request;
    }

    /**
     * Stores the expiry of pending requests past their deadline, at most {@code batch} of them, each
     * under its row lock and only if still pending: with several instances sweeping, each request
     * expires once, with one event.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireDue(int batch) {
        Instant now = clock.instant();
        List<String> due = em.createNamedQuery(PaymentRequest.DUE_FOR_EXPIRY, String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(batch).getResultList();
        int expired = 0;
        for (String id : due) {
            PaymentRequest request = em.find(PaymentRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (request != null && request.isDueForExpiry(now)) {
                request.expire(now);
                events.publish(request);
                expired++;
            }
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
