package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.json.JsonFactories;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.control.OutboundPolicy;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.control.SystemAccounts;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.LedgerTransaction;
import api.pantheon.payments.ledger.entity.TransactionKind;
import api.pantheon.payments.payments.control.BusinessSystem;
import api.pantheon.payments.payments.control.ItemDocument;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.payments.entity.PaymentStatus;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import api.pantheon.payments.time.Rfc3339;
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
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Make-payment submissions (seed 003): a wallet pays at once through the ledger; a card or bank
 * account is submitted to the business system, and {@link #settle} stores its answer, whenever and
 * however often it arrives. Money moves at most once per submission: settling a settled payment
 * does nothing.
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
    SystemAccounts systemAccounts;

    @Inject
    Events events;

    @Inject
    OutboundPolicy outbound;

    @Inject
    BusinessSystem businessSystem;

    public Submission submit(String callerPartyId, String requestId, Long accountId, String deviceId, String ipAddress,
                             String callbackTemplate) {
        PaymentRequest request = Optional.ofNullable(requestId == null ? null
                        : em.find(PaymentRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE))
                .filter(found -> found.isParty(callerPartyId) || found.mayBePaidFrom(callerPartyId, accountId))
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
        Instant now = clock.instant();
        String paymentId = UUID.randomUUID().toString();
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
        payment.startProcessing(now);
        em.persist(payment);
        if (account.kind().isExternal()) {
            request.beginPayment(now);
            events.publish(request);
        } else {
            request.requirePayableAt(now);
            LedgerTransaction transaction = ledger.transfer(account.id(), request.requesterAccountId(), request.amount(),
                    TransactionKind.PAYMENT, payment.id());
            payment.answered("approved");
            payment.complete(transaction.id(), now);
            request.markPaid(payment.id(), now);
            events.publishAnswer(request, payment);
        }
        return view(request, payment);
    }

    /** What the business system is sent for a submission. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String submissionJson(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        Account account = em.find(Account.class, payment.payerAccountId());
        return JsonFactories.BUILDERS.createObjectBuilder()
                .add("submission_id", payment.id())
                .add("amount", payment.amount().amount())
                .add("currency", payment.amount().currencyCode())
                .add("account_id", account.id())
                .add("account_type", account.kind().name())
                .add("device_id", payment.deviceId().orElse(""))
                .add("ip_address", payment.ipAddress().orElse(""))
                .build().toString();
    }

    /** A business system's answer to one submission, waiting to be stored. */
    public record Answered(String paymentId, BusinessSystem.Answer answer) {
    }

    /**
     * Stores the business system's answer. Approved: the clearing account pays the payee and the
     * item is paid; declined: the item is payable again; unknown: the payment waits for
     * reconciliation. The item as it now stands when the answer settled the payment.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Submission> settle(String paymentId, BusinessSystem.Answer answer) {
        return settleAll(List.of(new Answered(paymentId, answer))).stream().findFirst();
    }

    /**
     * Stores many answers in one transaction; the items whose payments they settled. Approvals all
     * lock the currency's clearing account and often the same merchant's wallet; storing them
     * together takes those locks (and pays for a commit) once per batch instead of once per answer.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Submission> settleAll(List<Answered> answers) {
        Map<String, BusinessSystem.Answer> answerTo = new HashMap<>();
        answers.forEach(answered -> answerTo.put(answered.paymentId(), answered.answer()));
        Unsettled unsettled = lockUnsettled(answerTo.keySet());
        Instant now = clock.instant();
        List<Payment> settled = unsettled.payments().stream()
                .filter(payment -> apply(unsettled.requestOf(payment), payment, answerTo.get(payment.id()), now))
                .toList();
        return views(unsettled.requests(), settled);
    }

    /**
     * Submissions still awaiting the business system when this instance stops: their outcome is
     * unknown, and reconciliation settles them once they are overdue. The items as they now stand.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Submission> park(Set<String> paymentIds) {
        Unsettled unsettled = lockUnsettled(paymentIds);
        Instant now = clock.instant();
        unsettled.payments().forEach(payment -> apply(unsettled.requestOf(payment), payment, BusinessSystem.Answer.UNKNOWN, now));
        return views(unsettled.requests(), unsettled.payments());
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
        Map<String, PaymentRequest> requests = withIds(PaymentRequest.WITH_IDS, PaymentRequest.class, requestIds,
                LockModeType.PESSIMISTIC_WRITE).stream().collect(Collectors.toMap(PaymentRequest::id, request -> request));
        List<Payment> payments = withIds(Payment.WITH_IDS, Payment.class, paymentIds, LockModeType.PESSIMISTIC_WRITE).stream()
                .filter(payment -> !payment.status().isFinal())
                .toList();
        return new Unsettled(requests, payments);
    }

    private <T> List<T> withIds(String query, Class<T> type, Collection<String> ids, LockModeType lock) {
        return em.createNamedQuery(query, type).setParameter("ids", List.copyOf(ids)).setLockMode(lock).getResultList();
    }

    /** Whether the answer settled the payment (approved or declined). */
    private boolean apply(PaymentRequest request, Payment payment, BusinessSystem.Answer answer, Instant now) {
        switch (answer) {
            case APPROVED -> {
                Long clearing = systemAccounts.clearingId(payment.amount().currency())
                        .orElseThrow(() -> new IllegalStateException("no clearing account for " + payment.amount().currency()));
                payment.answered("approved");
                request.markPaid(payment.id(), now);
                LedgerTransaction transaction = ledger.transfer(clearing, payment.payeeAccountId(), payment.amount(),
                        TransactionKind.PAYMENT, payment.id());
                payment.complete(transaction.id(), now);
            }
            case DECLINED -> {
                payment.answered("declined");
                payment.fail(now);
                request.paymentFailed(now);
            }
            case UNKNOWN -> {
                if (payment.status() == PaymentStatus.PROCESSING) {
                    payment.markUnknown(now);
                }
                return false;
            }
        }
        events.publishAnswer(request, payment);
        return true;
    }

    /** The item with its latest submission, for the caller's status link. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Submission latest(String requestId, String callerPartyId) {
        PaymentRequest request = Optional.ofNullable(requestId == null ? null : em.find(PaymentRequest.class, requestId))
                .filter(found -> found.isParty(callerPartyId))
                .orElseThrow(ErrorCode.PAYMENT_NOT_FOUND::exception);
        List<Payment> submissions = submissionsOf(requestId);
        if (submissions.isEmpty()) {
            throw ErrorCode.PAYMENT_NOT_FOUND.exception("Item " + requestId + " has no payment submission");
        }
        return view(request, submissions.get(submissions.size() - 1));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Submission of(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        return view(em.find(PaymentRequest.class, payment.requestId().orElseThrow()), payment);
    }

    /** Submissions whose answer is overdue, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> unsettled(Instant before, int max) {
        return em.createNamedQuery(Payment.UNSETTLED, String.class).setParameter("before", before.atOffset(ZoneOffset.UTC))
                .setMaxResults(max).getResultList();
    }

    /** The caller's oldest pending request addressed to it (seed 000's startAvailablePayment). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> oldestAvailable(String callerPartyId) {
        return em.createNamedQuery(PaymentRequest.OLDEST_IN_INBOX, String.class)
                .setParameter("party", callerPartyId).setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .setMaxResults(1).getResultStream().findFirst();
    }

    private List<Payment> submissionsOf(String requestId) {
        return em.createNamedQuery(Payment.OF_REQUEST, Payment.class).setParameter("request", requestId).getResultList();
    }

    private Submission view(PaymentRequest request, Payment payment) {
        return views(Map.of(request.id(), request), List.of(payment)).get(0);
    }

    /** The items of some payments, each with its latest payment; the submissions counted in one query. */
    private List<Submission> views(Map<String, PaymentRequest> requests, List<Payment> payments) {
        if (payments.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        em.createNamedQuery(Payment.COUNT_PER_REQUEST, Object[].class).setParameter("requests", List.copyOf(requests.keySet()))
                .getResultList().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        Instant now = clock.instant();
        return payments.stream().map(payment -> {
            PaymentRequest request = requests.get(payment.requestId().orElseThrow());
            long count = Math.max(counts.getOrDefault(request.id(), 0L), 1);
            Instant updated = payment.updatedAt().isAfter(request.updatedAt()) ? payment.updatedAt() : request.updatedAt();
            return new Submission(payment.id(), request.id(), ItemDocument.json(request, payment, count, now),
                    payment.status().isFinal(), count, Rfc3339.format(updated));
        }).toList();
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
