package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.control.OutboundPolicy;
import api.pantheon.payments.ids.TimeOrderedIds;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.control.SystemAccounts;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.payments.control.Answers;
import api.pantheon.payments.payments.control.BusinessSystem;
import api.pantheon.payments.payments.control.Intake;
import api.pantheon.payments.payments.control.SubmissionViews;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.payments.entity.PaymentStatus;
import api.pantheon.payments.payments.entity.SubmissionView;
import api.pantheon.payments.requests.control.RequestLocks;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Make-payment submissions (seeds 003 and 000): a wallet pays at once; a card or bank account is
 * submitted to the business system, and its answer is stored whenever and however often it arrives.
 * Both end on the one settle path ({@link Payments#settle}); money moves at most once per submission,
 * since settling a settled payment does nothing. The make-payment resource waits for answers and asks
 * whether payments are taken through here, never through the controls that keep that state.
 */
@Stateless
public class Submissions {

    /** What the payment's callback URL column holds. */
    private static final int CALLBACK_MAX = 2048;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    Payments payments;

    @Inject
    SystemAccounts systemAccounts;

    @Inject
    Events events;

    @Inject
    OutboundPolicy outbound;

    @Inject
    BusinessSystem businessSystem;

    @Inject
    RequestLocks requests;

    @Inject
    SubmissionViews views;

    @Inject
    Intake intake;

    @Inject
    Answers answers;

    @Inject
    SubmissionRunner runner;

    @Inject
    Audit audit;

    public SubmissionView submit(String callerPartyId, String requestId, Long accountId, String deviceId, String ipAddress,
                                 String callbackTemplate) {
        Instant now = clock.instant();
        PaymentRequest request = requests.lockPayable(requestId, callerPartyId, accountId)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("item: no such item"));
        if (!request.mayBePaidFrom(callerPartyId, accountId)) {
            throw ErrorCode.ACTION_NOT_ALLOWED.exception("Only the recipient may pay this item");
        }
        if (request.storedStatus() == RequestStatus.PROCESSING) {
            throw ErrorCode.PAYMENT_IN_PROGRESS.exception();
        }
        Account account = ledger.ownedBy(callerPartyId, accountId)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("account_id: you hold no account " + accountId));
        if (!account.currency().equals(request.amount().currency())) {
            throw ErrorCode.CURRENCY_MISMATCH.exception("account_id: account " + accountId + " holds " + account.currency());
        }
        if (account.kind().isExternal() && (deviceId == null || ipAddress == null)) {
            throw ErrorCode.INVALID_DATA.exception((deviceId == null ? "device_id" : "ip_address")
                    + ": required for card and bank payments");
        }
        if (account.kind().isExternal() && !businessSystem.isConfigured()) {
            throw ErrorCode.BUSINESS_SYSTEM_UNAVAILABLE.exception("No business system is configured for "
                    + account.kind().name().toLowerCase() + " accounts");
        }
        String paymentId = TimeOrderedIds.next();
        String callback = callbackTemplate == null ? null : expand(callbackTemplate, request.id(), accountId, paymentId);
        if (callback != null) {
            if (callback.length() > CALLBACK_MAX) {
                throw ErrorCode.INVALID_DATA.exception("callback: at most " + CALLBACK_MAX + " characters once expanded");
            }
            outbound.requireAllowed("callback", callback);
        }
        Payment payment = new Payment(paymentId, request.id(), callerPartyId, accountId, request.requesterAccountId(),
                request.amount(), now);
        payment.submittedFrom(deviceId, ipAddress, callback);
        payments.begin(payment, now);
        if (account.kind().isExternal()) {
            request.beginPayment(now);
            events.publish(request, now);
        } else {
            payment.answered("approved");
            payments.settle(payment, account.id(), Optional.of(request), now);
        }
        audit.done("request.pay", Audit.Target.request(request.id()), null, now);
        return views.of(request, payment, now);
    }

    /** What the business system is told of a submission. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BusinessSystem.Submitted submitted(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        Account account = em.find(Account.class, payment.payerAccountId());
        return new BusinessSystem.Submitted(payment.id(), payment.amount().amount(), payment.amount().currencyCode(),
                account.id(), account.kind().name(), payment.deviceId().orElse(null), payment.ipAddress().orElse(null));
    }

    /** A business system's answer to one submission, waiting to be stored. */
    public record Answered(String paymentId, BusinessSystem.Answer answer) {
    }

    /** Stores one answer; the item as it now stands when the answer settled its payment. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<SubmissionView> settle(String paymentId, BusinessSystem.Answer answer) {
        return settleAll(List.of(new Answered(paymentId, answer))).stream().findFirst();
    }

    /**
     * Stores many answers in one transaction; the items whose payments they settled. Approvals all
     * lock the currency's clearing account and often the same merchant's wallet; storing them
     * together takes those locks (and pays for a commit) once per batch instead of once per answer.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SubmissionView> settleAll(List<Answered> answers) {
        Instant now = clock.instant();
        Map<String, BusinessSystem.Answer> answerTo = new HashMap<>();
        answers.forEach(answered -> answerTo.put(answered.paymentId(), answered.answer()));
        Unsettled unsettled = lockUnsettled(answerTo.keySet());
        // every approval's accounts at once: each lock query would read back the balances moved before it
        Ledger.Locked accounts = ledger.lockForMovements(unsettled.payments().stream()
                .filter(payment -> answerTo.get(payment.id()) == BusinessSystem.Answer.APPROVED)
                .flatMap(payment -> Stream.of(clearingAccountOf(payment), payment.payeeAccountId()))
                .toList());
        List<Payment> settled = unsettled.payments().stream()
                .filter(payment -> apply(unsettled.requestOf(payment), payment, answerTo.get(payment.id()), accounts, now))
                .toList();
        return views.of(unsettled.requests(), settled, now);
    }

    /**
     * Submissions still awaiting the business system when this instance stops: their outcome is
     * unknown, and reconciliation settles them once they are overdue. The items as they now stand.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SubmissionView> park(Set<String> paymentIds) {
        Instant now = clock.instant();
        Unsettled unsettled = lockUnsettled(paymentIds);
        unsettled.payments().forEach(payment -> apply(unsettled.requestOf(payment), payment, BusinessSystem.Answer.UNKNOWN,
                Ledger.Locked.NOTHING, now));
        return views.of(unsettled.requests(), unsettled.payments(), now);
    }

    private record Unsettled(Map<String, PaymentRequest> requests, List<Payment> payments) {

        PaymentRequest requestOf(Payment payment) {
            return requests.get(payment.requestId().orElseThrow());
        }
    }

    /**
     * The payments not yet settled, locked with their items: items first, then payments, each in id
     * order, and accounts only later, as every other path does, so that a batch cannot deadlock
     * with a single payment. (A payment's item never changes, so it may be read before the locks.)
     */
    private Unsettled lockUnsettled(Collection<String> paymentIds) {
        Set<String> requestIds = paymentIds.isEmpty() ? Set.of()
                : withIds(Payment.WITH_IDS, Payment.class, paymentIds, LockModeType.NONE).stream()
                        .filter(payment -> !payment.status().isFinal())
                        .map(payment -> payment.requestId().orElseThrow())
                        .collect(Collectors.toSet());
        if (requestIds.isEmpty()) {
            return new Unsettled(Map.of(), List.of());
        }
        Map<String, PaymentRequest> locked = withIds(PaymentRequest.WITH_IDS, PaymentRequest.class, requestIds,
                LockModeType.PESSIMISTIC_WRITE).stream().collect(Collectors.toMap(PaymentRequest::id, request -> request));
        List<Payment> unsettled = withIds(Payment.WITH_IDS, Payment.class, paymentIds, LockModeType.PESSIMISTIC_WRITE).stream()
                .filter(payment -> !payment.status().isFinal())
                .toList();
        return new Unsettled(locked, unsettled);
    }

    private <T> List<T> withIds(String query, Class<T> type, Collection<String> ids, LockModeType lock) {
        return em.createNamedQuery(query, type).setParameter("ids", List.copyOf(ids)).setLockMode(lock).getResultList();
    }

    /** The currency's clearing account, which funds an approved card or bank payment. */
    private Long clearingAccountOf(Payment payment) {
        return systemAccounts.clearingId(payment.amount().currency())
                .orElseThrow(() -> new IllegalStateException("no clearing account for " + payment.amount().currency()));
    }

    /** Whether the answer settled the payment (approved or declined); an approval moves money between {@code accounts}. */
    private boolean apply(PaymentRequest request, Payment payment, BusinessSystem.Answer answer, Ledger.Locked accounts,
                          Instant now) {
        switch (answer) {
            case APPROVED -> {
                payment.answered("approved");
                payments.settle(payment, accounts, clearingAccountOf(payment), Optional.of(request), now);
            }
            case DECLINED -> {
                payment.answered("declined");
                payment.fail(now);
                request.paymentFailed(now);
                events.publish(request, payment, now);
            }
            case UNKNOWN -> {
                if (payment.status() == PaymentStatus.PROCESSING) {
                    payment.markUnknown(now);
                }
                return false;
            }
        }
        return true;
    }

    /** The item with its latest submission, for the caller's status link. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SubmissionView latest(String requestId, String callerPartyId) {
        PaymentRequest request = requests.visible(requestId, callerPartyId);
        List<Payment> submissions = em.createNamedQuery(Payment.OF_REQUEST, Payment.class).setParameter("request", requestId)
                .getResultList();
        if (submissions.isEmpty()) {
            throw ErrorCode.PAYMENT_NOT_FOUND.exception("Item " + requestId + " has no payment submission");
        }
        return views.of(request, submissions.get(submissions.size() - 1), clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SubmissionView of(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        return views.of(em.find(PaymentRequest.class, payment.requestId().orElseThrow()), payment, clock.instant());
    }

    /**
     * Of the given submissions, those settled (approved or declined), as items: the answers another
     * instance stored, which this one hears of only from the database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SubmissionView> settledAmong(Collection<String> paymentIds) {
        return withIds(Payment.WITH_IDS, Payment.class, paymentIds, LockModeType.NONE).stream()
                .filter(payment -> payment.status().isFinal()).map(payment -> of(payment.id())).toList();
    }

    /** Submissions whose answer is overdue, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> unsettled(Instant before, int max) {
        return em.createNamedQuery(Payment.UNSETTLED, String.class).setParameter("before", before.atOffset(ZoneOffset.UTC))
                .setMaxResults(max).getResultList();
    }

    /** Hands a committed submission to the business system; its answer is stored when it comes. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void send(String paymentId) {
        runner.submit(paymentId);
    }

    /** Calls the waiter with the item once the submission's answer is stored (on any thread). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void awaitAnswer(String paymentId, Consumer<SubmissionView> waiter) {
        answers.await(paymentId, waiter);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void stopAwaiting(String paymentId, Consumer<SubmissionView> waiter) {
        answers.forget(paymentId, waiter);
    }

    /** Whether this instance takes new payments: not while it stops, nor while an operator drains it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean takingPayments() {
        return intake.isOpen();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean drain() {
        intake.drain();
        audit.doneAlone("intake.drain", Audit.Target.platform(), null);
        return intake.isOpen();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean undrain() {
        intake.undrain();
        audit.doneAlone("intake.undrain", Audit.Target.platform(), null);
        return intake.isOpen();
    }

    /** Seed 003's callback template: {item}, {account} and {uuid} replaced, URL-encoded. */
    static String expand(String template, String item, Long account, String uuid) {
        return template.replace("{item}", encode(item)).replace("{account}", encode(String.valueOf(account)))
                .replace("{uuid}", encode(uuid));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
