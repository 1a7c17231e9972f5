package api.pantheon.payments.payments.boundary;

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
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Make-payment submissions (seed 003): a wallet pays at once through the ledger; a card or bank
 * account is submitted to the business system, and {@link #settle} stores its answer, whenever and
 * however often it arrives. Money moves at most once per submission: settling a settled payment
 * does nothing.
 */
@Stateless
public class Submissions {

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
            events.publishAnswer(request, payment.id(), callback);
        }
        return view(request, payment);
    }

    /** What the business system is sent for a submission. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String submissionJson(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        Account account = em.find(Account.class, payment.payerAccountId());
        return Json.createObjectBuilder()
                .add("submission_id", payment.id())
                .add("amount", payment.amount().amount())
                .add("currency", payment.amount().currencyCode())
                .add("account_id", account.id())
                .add("account_type", account.kind().name())
                .add("device_id", payment.deviceId().orElse(""))
                .add("ip_address", payment.ipAddress().orElse(""))
                .build().toString();
    }

    /**
     * Stores the business system's answer. Approved: the clearing account pays the payee and the
     * item is paid; declined: the item is payable again; unknown: the payment waits for
     * reconciliation. True when the answer settled the payment now.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean settle(String paymentId, BusinessSystem.Answer answer) {
        Payment unlocked = em.find(Payment.class, paymentId);
        if (unlocked == null || unlocked.status().isFinal()) {
            return false;
        }
        PaymentRequest request = em.find(PaymentRequest.class, unlocked.requestId().orElseThrow(), LockModeType.PESSIMISTIC_WRITE);
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment.status().isFinal()) {
            return false;
        }
        Instant now = clock.instant();
        switch (answer) {
            case APPROVED -> {
                Account clearing = systemAccounts.clearing(payment.amount().currency())
                        .orElseThrow(() -> new IllegalStateException("no clearing account for " + payment.amount().currency()));
                payment.answered("approved");
                request.markPaid(payment.id(), now);
                events.publishAnswer(request, payment.id(), payment.callbackUrl().orElse(null));
                // Last: the clearing account and the payee's wallet are the rows every approval
                // locks, so they are held only for the transfer and the commit.
                LedgerTransaction transaction = ledger.transfer(clearing.id(), payment.payeeAccountId(), payment.amount(),
                        TransactionKind.PAYMENT, payment.id());
                payment.complete(transaction.id(), now);
                return true;
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
        events.publishAnswer(request, payment.id(), payment.callbackUrl().orElse(null));
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
        Instant now = clock.instant();
        long count = submissionsOf(request.id()).size();
        count = Math.max(count, 1);
        Instant updated = payment.updatedAt().isAfter(request.updatedAt()) ? payment.updatedAt() : request.updatedAt();
        return new Submission(payment.id(), request.id(), ItemDocument.json(request, payment, count, now),
                payment.status().isFinal(), count, Rfc3339.format(updated));
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
