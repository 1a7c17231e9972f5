package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.channels.control.Channels;
import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.control.OutboundPolicy;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.money.control.Currencies;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.requests.control.RequestLocks;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The transaction boundary for payment requests: create, read, decline, cancel, expire, list. Every
 * dialect comes through here, so the rules hold the same whichever API a client speaks; paying one is
 * {@code payments.boundary.Payments}'. A request is visible only to its requester and its recipient.
 * Each operation reads the clock once and carries that instant.
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
    Events events;

    @Inject
    OutboundPolicy outbound;

    @Inject
    Channels channels;

    @Inject
    RequestLocks locks;

    @Inject
    Audit audit;

    private static final String CANCEL = "request.cancel";
    private static final String EXPIRE = "request.expire";

    /** A request to a recipient named by username or phone (seeds 001 and 000). */
    public RequestView create(String requesterPartyId, NewPaymentRequest order) {
        return create(requesterPartyId, order, null);
    }

    /**
     * A request the merchant names itself ({@code externalId}, from a bulk file): made once; asked
     * again, it answers the request already made, unchanged.
     */
    public RequestView create(String requesterPartyId, NewPaymentRequest order, String externalId) {
        Instant now = clock.instant();
        if (externalId != null) {
            Optional<String> made = em.createNamedQuery(PaymentRequest.BY_EXTERNAL_ID, String.class)
                    .setParameter("requester", requesterPartyId).setParameter("external", externalId).getResultStream().findFirst();
            if (made.isPresent()) {
                return RequestView.of(em.find(PaymentRequest.class, made.get()), now);
            }
        }
        Money amount = requestedAmount(order.amount(), order.currency());
        if (order.notifyUrl() != null) {
            outbound.requireAllowed("notify_url", order.notifyUrl());
        }
        Party recipient = parties.findByUsernameOrPhone(order.recipient())
                .orElseThrow(ErrorCode.RECIPIENT_NOT_FOUND::exception);
        String channel = channelFor(order.channel(), recipient);
        Long payInto = ledger.walletIdOf(requesterPartyId, amount.currencyCode())
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("currency: you hold no "
                        + amount.currencyCode() + " account to be paid into"));
        PaymentRequest request = PaymentRequest.builder()
                .requester(requesterPartyId, payInto)
                .recipient(recipient.id())
                .amount(amount)
                .description(order.description())
                .imageUrl(order.imageUrl())
                .order(order.order())
                .terminal(order.terminal())
                .notifyUrl(order.notifyUrl())
                .lifetime(order.lifetime())
                .channel(channel)
                .build(now);
        if (externalId != null) {
            request.identifiedAs(externalId);
        }
        return stored(request, now);
    }

    /** A request made, or the rule that refused it. */
    public record Attempt(RequestView made, PaymentsException refused) {
    }

    /**
     * {@link #create(String, NewPaymentRequest, String)} in the caller's transaction, answering a
     * refusal rather than throwing it: a bulk file's refused row must not undo the rest of its chunk.
     * Every refusal is found before anything is written, so a refused row leaves nothing behind.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Attempt attempt(String requesterPartyId, NewPaymentRequest order, String externalId) {
        try {
            // called on this instance, not through the container: the refusal does not doom the transaction
            return new Attempt(create(requesterPartyId, order, externalId), null);
        } catch (PaymentsException refused) {
            return new Attempt(null, refused);
        }
    }

    /** Dialect 002: a request paid into one of the caller's accounts, optionally only from one account. */
    public RequestView createForAccounts(String requesterPartyId, NewAccountRequest order) {
        Instant now = clock.instant();
        Money amount = requestedAmount(order.amount(), order.currency());
        Account to = ledger.ownedBy(requesterPartyId, order.toAccountId())
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("to.account.id: you hold no account " + order.toAccountId()));
        if (!to.currency().equals(amount.currency())) {
            throw ErrorCode.INVALID_DATA.exception("to.currency: account " + to.id() + " holds " + to.currency()
                    + ", the request is in " + amount.currency());
        }
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
        return stored(builder.build(now), now);
    }

    private Money requestedAmount(java.math.BigDecimal amount, String currency) {
        if (amount == null) {
            throw ErrorCode.INVALID_DATA.exception("amount: is required");
        }
        Money money = currencies.positive(amount, currency);
        currencies.requireWithinLimit(money);
        return money;
    }

    private RequestView stored(PaymentRequest request, Instant now) {
        em.persist(request);
        events.publish(request, now);
        audit.done("request.create", Audit.Target.request(request.id()), null, now);
        return RequestView.of(request, now);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RequestView find(String requestId, String callerPartyId) {
        return RequestView.of(locks.visible(requestId, callerPartyId), clock.instant());
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
    public List<RequestView> inbox(String callerPartyId, int limit) {
        Instant now = clock.instant();
        return em.createNamedQuery(PaymentRequest.INBOX, PaymentRequest.class).setParameter("party", callerPartyId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultStream()
                .map(request -> RequestView.of(request, now)).toList();
    }

    /** The caller's oldest pending request addressed to it (seed 000's startAvailablePayment). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> oldestAvailable(String callerPartyId) {
        return em.createNamedQuery(PaymentRequest.OLDEST_IN_INBOX, String.class)
                .setParameter("party", callerPartyId).setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Requests paid into ({@code toAccount}) or to be paid from ({@code fromAccount}) one of the
     * caller's accounts, newest first, after {@code after}. Keyset paging: requests created while a
     * client walks the pages are newer than its cursor, so no page shifts under it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RequestPage page(String callerPartyId, Long toAccount, Long fromAccount, RequestPage.Position after, int limit) {
        Instant now = clock.instant();
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
        List<RequestView> found = query.getResultStream().map(request -> RequestView.of(request, now)).toList();
        if (found.size() <= limit) {
            return new RequestPage(found, Optional.empty());
        }
        List<RequestView> page = found.subList(0, limit);
        RequestView last = page.get(limit - 1);
        return new RequestPage(List.copyOf(page), Optional.of(new RequestPage.Position(last.createdAt(), last.id())));
    }

    public RequestView decline(String requestId, String callerPartyId) {
        Instant now = clock.instant();
        PaymentRequest request = locks.lockVisible(requestId, callerPartyId);
        if (!request.mayBeDeclinedBy(callerPartyId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the recipient may reject this payment request");
        }
        request.decline(now);
        return told(request, "request.decline", null, now);
    }

    public RequestView cancel(String requestId, String callerPartyId) {
        Instant now = clock.instant();
        PaymentRequest request = locks.lockVisible(requestId, callerPartyId);
        if (!request.requesterPartyId().equals(callerPartyId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the requester may cancel this payment request");
        }
        request.cancel(now);
        return told(request, CANCEL, null, now);
    }

    /** An operator cancels any pending request, saying why. */
    public RequestView cancelAsStaff(String requestId, String reason) {
        Instant now = clock.instant();
        String why = audit.requireReason(CANCEL, Audit.Target.request(requestId), reason);
        PaymentRequest request = locks.lock(requestId);
        request.cancel(now);
        return told(request, CANCEL, why, now);
    }

    /** An operator ends a pending request now, before its deadline, saying why: it reads expired. */
    public RequestView expireNow(String requestId, String reason) {
        Instant now = clock.instant();
        String why = audit.requireReason(EXPIRE, Audit.Target.request(requestId), reason);
        PaymentRequest request = locks.lock(requestId);
        request.expireEarly(now);
        return told(request, EXPIRE, why, now);
    }

    /** A request's new status told: its event (and callback) published, the write in the trail. */
    private RequestView told(PaymentRequest request, String action, String reason, Instant now) {
        events.publish(request, now);
        audit.done(action, Audit.Target.request(request.id()), reason, now);
        return RequestView.of(request, now);
    }

    /** Pending requests whose deadline has passed and whose expiry is not stored yet: the sweep's backlog. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long overdue() {
        return em.createNamedQuery(PaymentRequest.OVERDUE, Long.class)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).getSingleResult();
    }

    /**
     * Stores the expiry of pending requests past their deadline, at most {@code batch} of them, with one
     * event each, in one transaction: their rows are locked together in id order (so two instances
     * sweeping at once queue behind each other rather than deadlock), and each is expired only if still
     * pending once locked, so it expires once, with one event. The batch's writes go out together at
     * commit, in JDBC batches: a statement per request would cost a round trip and a commit each.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireDue(int batch) {
        Instant now = clock.instant();
        List<String> due = em.createNamedQuery(PaymentRequest.DUE_FOR_EXPIRY, String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(batch).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        List<PaymentRequest> locked = em.createNamedQuery(PaymentRequest.WITH_IDS, PaymentRequest.class)
                .setParameter("ids", due).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        int expired = 0;
        for (PaymentRequest request : locked) {
            if (request.isDueForExpiry(now)) {
                request.expire(now);
                events.publish(request, now);
                audit.done(EXPIRE, Audit.Target.request(request.id()), "its deadline passed", now);
                expired++;
            }
        }
        return expired;
    }
}
