package api.pantheon.payments.payments.entity;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.ids.TimeOrderedIds;
import api.pantheon.payments.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** One attempt to pay a request (or move money) from a payer's account to a payee's. */
@Entity
@Table(name = "payment")
@NamedQuery(name = Payment.OF_REQUEST, query = "select p from Payment p where p.requestId = :request"
        + " and p.kind = api.pantheon.payments.payments.entity.PaymentKind.PAYMENT order by p.createdAt")
@NamedQuery(name = Payment.REFUNDS_OF_REQUEST, query = "select p from Payment p where p.requestId = :request"
        + " and p.kind = api.pantheon.payments.payments.entity.PaymentKind.REFUND order by p.createdAt")
@NamedQuery(name = Payment.UNSETTLED, query = "select p.id from Payment p where p.status in"
        + " (api.pantheon.payments.payments.entity.PaymentStatus.PROCESSING, api.pantheon.payments.payments.entity.PaymentStatus.UNKNOWN)"
        + " and p.updatedAt <= :before order by p.updatedAt")
@NamedQuery(name = Payment.WITH_IDS, query = "select p from Payment p where p.id in :ids order by p.id")
@NamedQuery(name = Payment.COUNT_PER_REQUEST, query = "select p.requestId, count(p) from Payment p"
        + " where p.requestId in :requests and p.kind = api.pantheon.payments.payments.entity.PaymentKind.PAYMENT"
        + " group by p.requestId")
public class Payment {

    /** A request's payments (submissions), oldest first; its refunds are not among them. */
    public static final String OF_REQUEST = "Payment.ofRequest";
    public static final String REFUNDS_OF_REQUEST = "Payment.refundsOfRequest";
    public static final String WITH_IDS = "Payment.withIds";
    /** How many payments (submissions) each of some requests has had. */
    public static final String COUNT_PER_REQUEST = "Payment.countPerRequest";
    /** Submissions whose answer is overdue: asked again by reconciliation. */
    public static final String UNSETTLED = "Payment.unsettled";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "request_id", length = 36, updatable = false)
    private String requestId;

    @Column(name = "payer_party_id", nullable = false, length = 36, updatable = false)
    private String payerPartyId;

    @Column(name = "payer_account_id", nullable = false, updatable = false)
    private Long payerAccountId;

    @Column(name = "payee_account_id", nullable = false, updatable = false)
    private Long payeeAccountId;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private PaymentKind kind = PaymentKind.PAYMENT;

    /** The payment a refund gives money back from. */
    @Column(name = "refund_of", length = 36, updatable = false)
    private String refundOf;

    /** Why a refund was made, as whoever made it said. */
    @Column(length = 500, updatable = false)
    private String reason;

    /** What the payer calls this payment (dialect 002's {@code descriptor}). */
    @Column(length = 255, updatable = false)
    private String descriptor;

    @Column(length = 4096, updatable = false)
    private String metadata;

    @Column(name = "device_id", length = 128, updatable = false)
    private String deviceId;

    @Column(name = "ip_address", length = 64, updatable = false)
    private String ipAddress;

    /** Where the business system's answer is POSTed, the client's template already expanded. */
    @Column(name = "callback_url", length = 2048, updatable = false)
    private String callbackUrl;

    /** The business system's answer, as it gave it. */
    @Column(length = 64)
    private String answer;

    @Column(name = "ledger_transaction_id", length = 36)
    private String ledgerTransactionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Payment() {
    }

    public Payment(String requestId, String payerPartyId, Long payerAccountId, Long payeeAccountId,
                   Money amount, String descriptor, String metadata, Instant now) {
        this(TimeOrderedIds.next(), requestId, payerPartyId, payerAccountId, payeeAccountId, amount, now);
        this.descriptor = descriptor;
        this.metadata = metadata;
    }

    /** A submission whose id the caller already handed out (seed 003's {uuid}). */
    public Payment(String id, String requestId, String payerPartyId, Long payerAccountId, Long payeeAccountId,
                   Money amount, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.requestId = requestId;
        this.payerPartyId = Objects.requireNonNull(payerPartyId);
        this.payerAccountId = Objects.requireNonNull(payerAccountId);
        this.payeeAccountId = Objects.requireNonNull(payeeAccountId);
        this.amount = amount.amount();
        this.currency = amount.currencyCode();
        this.status = PaymentStatus.PENDING;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.updatedAt = this.createdAt;
    }

    /**
     * A refund of {@code paid}: the same request, from the account the money went to back to the one
     * it came from, on behalf of the party that received it.
     */
    public static Payment refundOf(Payment paid, String requesterPartyId, Money amount, String reason, Instant now) {
        if (paid.kind != PaymentKind.PAYMENT || paid.status != PaymentStatus.COMPLETED) {
            throw ErrorCode.STATE_CONFLICT.exception("Payment " + paid.id + " is not a completed payment");
        }
        Payment refund = new Payment(TimeOrderedIds.next(), paid.requestId, requesterPartyId, paid.payeeAccountId,
                paid.payerAccountId, amount, now);
        refund.kind = PaymentKind.REFUND;
        refund.refundOf = paid.id;
        refund.reason = reason;
        return refund;
    }

    /** A submission to a business system (seed 003): where it came from and where its answer goes. */
    public void submittedFrom(String deviceId, String ipAddress, String callbackUrl) {
        this.deviceId = deviceId;
        this.ipAddress = ipAddress;
        this.callbackUrl = callbackUrl;
    }

    public void answered(String answer) {
        this.answer = answer;
    }

    public void startProcessing(Instant now) {
        moveTo(PaymentStatus.PROCESSING, now);
    }

    public void complete(String ledgerTransactionId, Instant now) {
        this.ledgerTransactionId = Objects.requireNonNull(ledgerTransactionId);
        moveTo(PaymentStatus.COMPLETED, now);
    }

    public void fail(Instant now) {
        moveTo(PaymentStatus.FAILED, now);
    }

    public void markUnknown(Instant now) {
        moveTo(PaymentStatus.UNKNOWN, now);
    }

    private void moveTo(PaymentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw ErrorCode.STATE_CONFLICT.exception("Payment " + id + " is " + status + "; it cannot become " + next);
        }
        status = next;
        updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Long payerAccountId() {
        return payerAccountId;
    }

    public Long payeeAccountId() {
        return payeeAccountId;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public PaymentStatus status() {
        return status;
    }

    public Optional<String> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    public Optional<String> ipAddress() {
        return Optional.ofNullable(ipAddress);
    }

    public Optional<String> answer() {
        return Optional.ofNullable(answer);
    }

    public String payerPartyId() {
        return payerPartyId;
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    public Optional<String> descriptor() {
        return Optional.ofNullable(descriptor);
    }

    public Optional<String> metadata() {
        return Optional.ofNullable(metadata);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public PaymentKind kind() {
        return kind;
    }

    public boolean isRefund() {
        return kind == PaymentKind.REFUND;
    }

    public Optional<String> refundOf() {
        return Optional.ofNullable(refundOf);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> ledgerTransactionId() {
        return Optional.ofNullable(ledgerTransactionId);
    }
}
