package api.pantheon.payments.requests.entity;

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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for money that a requester sends to a recipient: the aggregate every dialect shares.
 * Its status moves only through {@link RequestStatus}'s table, and expiry is judged against the
 * clock whenever it matters, not only when the sweep has caught up.
 */
@Entity
@Table(name = "payment_request")
@NamedQuery(name = PaymentRequest.BY_EXTERNAL_ID, query = "select r.id from PaymentRequest r"
        + " where r.requesterPartyId = :requester and r.externalId = :external")
@NamedQuery(name = PaymentRequest.DUE_FOR_EXPIRY,
        query = "select r.id from PaymentRequest r where r.status = api.pantheon.payments.requests.entity.RequestStatus.PENDING"
                + " and r.expiresAt <= :now order by r.expiresAt")
@NamedQuery(name = PaymentRequest.OVERDUE,
        query = "select count(r) from PaymentRequest r where r.status = api.pantheon.payments.requests.entity.RequestStatus.PENDING"
                + " and r.expiresAt <= :now")
@NamedQuery(name = PaymentRequest.TO_ACCOUNT,
        query = "select r from PaymentRequest r where r.requesterAccountId = :account"
                + " and (r.createdAt < :createdAt or (r.createdAt = :createdAt and r.id < :id))"
                + " order by r.createdAt desc, r.id desc")
@NamedQuery(name = PaymentRequest.FROM_ACCOUNT,
        query = "select r from PaymentRequest r where (r.payerAccountId = :account or (r.payerAccountId is null"
                + " and r.recipientPartyId = :owner and r.currency = :currency))"
                + " and (r.createdAt < :createdAt or (r.createdAt = :createdAt and r.id < :id))"
                + " order by r.createdAt desc, r.id desc")
@NamedQuery(name = PaymentRequest.INBOX,
        query = "select r from PaymentRequest r where r.recipientPartyId = :party"
                + " and r.status = api.pantheon.payments.requests.entity.RequestStatus.PENDING and r.expiresAt > :now"
                + " order by r.createdAt desc, r.id desc")
@NamedQuery(name = PaymentRequest.OLDEST_IN_INBOX,
        query = "select r.id from PaymentRequest r where r.recipientPartyId = :party"
                + " and r.status = api.pantheon.payments.requests.entity.RequestStatus.PENDING and r.expiresAt > :now"
                + " order by r.createdAt, r.id")
@NamedQuery(name = PaymentRequest.WITH_IDS, query = "select r from PaymentRequest r where r.id in :ids order by r.id")
public class PaymentRequest {

    public static final String WITH_IDS = "PaymentRequest.withIds";
    public static final String BY_EXTERNAL_ID = "PaymentRequest.byExternalId";
    /** Pending requests addressed to a party, newest first: its inbox. */
    public static final String INBOX = "PaymentRequest.inbox";
    /** The inbox's oldest request: what seed 000's startAvailablePayment pays. */
    public static final String OLDEST_IN_INBOX = "PaymentRequest.oldestInInbox";

    /** Requests paid into an account, newest first, after a (created, id) cursor. */
    public static final String TO_ACCOUNT = "PaymentRequest.toAccount";
    /** Requests an account is to pay: its own, and those addressed to its owner in its currency. */
    public static final String FROM_ACCOUNT = "PaymentRequest.fromAccount";
    public static final String DUE_FOR_EXPIRY = "PaymentRequest.dueForExpiry";
    public static final String OVERDUE = "PaymentRequest.overdue";

    public static final Duration MIN_LIFETIME = Duration.ofSeconds(10);
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(90);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "requester_party_id", nullable = false, length = 36, updatable = false)
    private String requesterPartyId;

    /** Where the money goes when the request is paid. */
    @Column(name = "requester_account_id", nullable = false, updatable = false)
    private Long requesterAccountId;

    @Column(name = "recipient_party_id", length = 36, updatable = false)
    private String recipientPartyId;

    /** When set, the only account this request may be paid from (dialect 002's {@code from}). */
    @Column(name = "payer_account_id", updatable = false)
    private Long payerAccountId;

    /** A client's own JSON object, kept as its text. */
    @Column(length = 4096, updatable = false)
    private String metadata;

    @Column(updatable = false)
    private Double latitude;

    @Column(updatable = false)
    private Double longitude;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    /** How much of what was paid has been given back; never more than the amount. */
    @Column(name = "refunded_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal refundedAmount = BigDecimal.ZERO;

    @Column(length = 255, updatable = false)
    private String description;

    @Column(name = "image_url", length = 2048, updatable = false)
    private String imageUrl;

    @Column(name = "order_ref", length = 255, updatable = false)
    private String order;

    /** The merchant's own name for this request (a bulk file's external_id): unique per merchant. */
    @Column(name = "external_id", length = 64, updatable = false)
    private String externalId;

    @Column(updatable = false)
    private Integer terminal;

    @Column(name = "notify_url", length = 2048, updatable = false)
    private String notifyUrl;

    /** The messaging channel the request was delivered through to its recipient (seed 000). */
    @Column(length = 32, updatable = false)
    private String channel;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RequestStatus status;

    @Column(name = "transaction_id", length = 36)
    private String transactionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    /**
     * The number of this request's newest event. Instances number events from blocks of their own, so the
     * request itself remembers where its events are: the next one is numbered after it, wherever it is written.
     */
    @Column(name = "last_event_sequence")
    private Long lastEventSequence;

    /** Statuses entered since the boundary last published them as events; never stored here. */
    @Transient
    private List<RequestStatus> unpublished = new ArrayList<>();

    protected PaymentRequest() {
    }

    private PaymentRequest(Builder builder, Instant now) {
        Money money = Objects.requireNonNull(builder.amount, "amount");
        if (!money.isPositive()) {
            throw ErrorCode.INVALID_DATA.exception("amount: must be greater than zero");
        }
        // Microseconds are what both databases keep; listing cursors compare these exact values.
        OffsetDateTime created = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        Duration lifetime = builder.deadline != null ? Duration.between(created.toInstant(), builder.deadline)
                : builder.lifetime == null ? DEFAULT_LIFETIME : builder.lifetime;
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ErrorCode.INVALID_DATA.exception(builder.lifetimeField + ": must be between "
                    + MIN_LIFETIME.toSeconds() + " seconds and " + MAX_LIFETIME.toDays() + " days ahead");
        }
        if (Objects.equals(builder.requesterPartyId, builder.recipientPartyId)) {
            throw ErrorCode.MERCHANT_CANNOT_BE_RECIPIENT.exception();
        }
        this.id = TimeOrderedIds.next();
        this.requesterPartyId = Objects.requireNonNull(builder.requesterPartyId, "requester");
        this.requesterAccountId = Objects.requireNonNull(builder.requesterAccountId, "requester account");
        this.recipientPartyId = builder.recipientPartyId;
        this.payerAccountId = builder.payerAccountId;
        this.metadata = builder.metadata;
        this.latitude = builder.latitude;
        this.longitude = builder.longitude;
        this.amount = money.amount();
        this.currency = money.currencyCode();
        this.description = builder.description;
        this.imageUrl = builder.imageUrl;
        this.order = builder.order;
        this.terminal = builder.terminal;
        this.notifyUrl = builder.notifyUrl;
        this.channel = builder.channel;
        this.createdAt = created;
        this.updatedAt = created;
        this.expiresAt = created.plus(lifetime);
        this.status = RequestStatus.PENDING;
        this.unpublished.add(RequestStatus.PENDING);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The status as a reader should see it now: a pending request past its deadline is expired. */
    public RequestStatus storedStatus() {
        return status;
    }

    public RequestStatus statusAt(Instant now) {
        return status == RequestStatus.PENDING && isPastDeadline(now) ? RequestStatus.EXPIRED : status;
    }

    public boolean isPastDeadline(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    /**
     * Checks that this request can be paid now. Throws with the reason when it cannot, so that no
     * money moves for a request that is expired (even before the sweep marks it) or already settled.
     */
    public void requirePayableAt(Instant now) {
        if (statusAt(now) == RequestStatus.EXPIRED) {
            throw ErrorCode.PAYMENT_EXPIRED.exception("Payment request " + id + " expired at " + expiresAt.toInstant());
        }
        if (status != RequestStatus.PENDING) {
            throw notPending();
        }
    }

    /** A payment through a business system has begun: no other may start until it is answered. */
    public void beginPayment(Instant now) {
        if (status == RequestStatus.PROCESSING) {
            throw ErrorCode.PAYMENT_IN_PROGRESS.exception("A payment of request " + id + " is already under way");
        }
        requirePayableAt(now);
        moveTo(RequestStatus.PROCESSING, now);
    }

    /** The business system declined: payable again, unless the deadline passed meanwhile. */
    public void paymentFailed(Instant now) {
        moveTo(isPastDeadline(now) ? RequestStatus.EXPIRED : RequestStatus.PENDING, now);
    }

    public void markPaid(String transactionId, Instant now) {
        if (status != RequestStatus.PROCESSING) {
            requirePayableAt(now); // a payment begun in time may finish after the deadline
        }
        this.transactionId = Objects.requireNonNull(transactionId);
        moveTo(RequestStatus.PAID, now);
    }

    /**
     * Gives back {@code refund} of what was paid: only a paid request, and never more than it still
     * holds. The status stays paid; what is left to refund shrinks.
     */
    public void refund(Money refund, Instant now) {
        if (status != RequestStatus.PAID) {
            throw ErrorCode.REQUEST_NOT_PAID.exception("Payment request " + id + " is " + status.name().toLowerCase()
                    + "; only a paid request can be refunded");
        }
        Money left = refundable();
        if (!refund.currency().equals(left.currency())) {
            throw ErrorCode.CURRENCY_MISMATCH.exception("amount: the request is in " + left.currencyCode());
        }
        if (refund.compareTo(left) > 0) {
            throw ErrorCode.REFUND_EXCEEDS_PAYMENT.exception("amount: at most " + left + " is left to refund");
        }
        refundedAmount = refundedAmount().plus(refund).amount();
        updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** What is still there to give back: the amount paid less what has been refunded. */
    public Money refundable() {
        return status == RequestStatus.PAID ? amount().minus(refundedAmount()) : Money.zero(amount().currency());
    }

    public Money refundedAmount() {
        return new Money(refundedAmount == null ? BigDecimal.ZERO : refundedAmount, amount().currency());
    }

    /** An operator ends a pending request before its deadline: it reads expired from now on. */
    /** Names the request as its merchant does; once, before it is stored. */
    public void identifiedAs(String externalId) {
        if (this.externalId != null) {
            throw new IllegalStateException("request " + id + " is already " + this.externalId);
        }
        this.externalId = externalId;
    }

    public java.util.Optional<String> externalId() {
        return java.util.Optional.ofNullable(externalId);
    }

    public void expireEarly(Instant now) {
        requirePayableAt(now);
        moveTo(RequestStatus.EXPIRED, now);
    }

    public void decline(Instant now) {
        requirePayableAt(now);
        moveTo(RequestStatus.DECLINED, now);
    }

    public void cancel(Instant now) {
        requirePayableAt(now);
        moveTo(RequestStatus.CANCELLED, now);
    }

    /** Pending past its deadline: reads expired, but the stored status has not caught up yet. */
    public boolean isDueForExpiry(Instant now) {
        return status == RequestStatus.PENDING && isPastDeadline(now);
    }

    /** Stores the expiry that {@link #statusAt} already shows; only once the deadline has passed. */
    public void expire(Instant now) {
        if (!isDueForExpiry(now)) {
            throw ErrorCode.STATE_CONFLICT.exception("Payment request " + id + " is " + status + " and due at " + expiresAt);
        }
        moveTo(RequestStatus.EXPIRED, now);
    }

    private void moveTo(RequestStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw notPending();
        }
        status = next;
        updatedAt = now.atOffset(ZoneOffset.UTC);
        unpublished().add(next);
    }

    /** What this request's next event must be numbered after: its newest event's number (0 before any). */
    public long lastEventSequence() {
        return lastEventSequence == null ? 0 : lastEventSequence;
    }

    /** An event of this request was numbered {@code sequence}, which must come after its previous ones. */
    public void eventNumbered(long sequence) {
        if (sequence <= lastEventSequence()) {
            throw new IllegalStateException("event " + sequence + " of request " + id + " would come before "
                    + lastEventSequence());
        }
        lastEventSequence = sequence;
    }

    /** The statuses entered since the last call, oldest first: each becomes an event in this transaction. */
    public List<RequestStatus> takeUnpublished() {
        List<RequestStatus> taken = List.copyOf(unpublished());
        unpublished.clear();
        return taken;
    }

    private List<RequestStatus> unpublished() {
        if (unpublished == null) {
            unpublished = new ArrayList<>(); // entities loaded by JPA skip field initialisers
        }
        return unpublished;
    }

    private RuntimeException notPending() {
        return ErrorCode.PAYMENT_NOT_PENDING.exception(
                "Payment request " + id + " is " + status.name().toLowerCase() + ", not pending");
    }

    /**
     * Who may pay: the fixed paying account when there is one; otherwise the recipient when there
     * is one; otherwise anyone who holds the code (a request to whoever it is handed to). Never the
     * requester itself.
     */
    public boolean mayBePaidFrom(String partyId, Long accountId) {
        if (requesterPartyId.equals(partyId)) {
            return false;
        }
        if (payerAccountId != null) {
            return payerAccountId.equals(accountId);
        }
        return recipientPartyId == null || recipientPartyId.equals(partyId);
    }

    /** Only a designated recipient can decline; a request to whoever holds the code is cancelled instead. */
    public boolean mayBeDeclinedBy(String partyId) {
        return partyId.equals(recipientPartyId);
    }

    public boolean isParty(String partyId) {
        return requesterPartyId.equals(partyId) || partyId.equals(recipientPartyId);
    }

    public String id() {
        return id;
    }

    public String requesterPartyId() {
        return requesterPartyId;
    }

    public Long requesterAccountId() {
        return requesterAccountId;
    }

    public Optional<String> recipientPartyId() {
        return Optional.ofNullable(recipientPartyId);
    }

    public Optional<Long> payerAccountId() {
        return Optional.ofNullable(payerAccountId);
    }

    public Optional<String> metadata() {
        return Optional.ofNullable(metadata);
    }

    public Optional<Double> latitude() {
        return Optional.ofNullable(latitude);
    }

    public Optional<Double> longitude() {
        return Optional.ofNullable(longitude);
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> imageUrl() {
        return Optional.ofNullable(imageUrl);
    }

    public Optional<String> order() {
        return Optional.ofNullable(order);
    }

    public Optional<Integer> terminal() {
        return Optional.ofNullable(terminal);
    }

    public Optional<String> notifyUrl() {
        return Optional.ofNullable(notifyUrl);
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    public Optional<String> channel() {
        return Optional.ofNullable(channel);
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    /** Collects what a dialect supplies; the constructor enforces the rules once for all of them. */
    public static final class Builder {
        private String requesterPartyId;
        private Long requesterAccountId;
        private String recipientPartyId;
        private Long payerAccountId;
        private String metadata;
        private Double latitude;
        private Double longitude;
        private String lifetimeField = "expires_in";
        private Money amount;
        private String description;
        private String imageUrl;
        private String order;
        private Integer terminal;
        private String notifyUrl;
        private String channel;
        private Duration lifetime;
        private Instant deadline;

        private Builder() {
        }

        public Builder requester(String partyId, Long accountId) {
            this.requesterPartyId = partyId;
            this.requesterAccountId = accountId;
            return this;
        }

        public Builder recipient(String partyId) {
            this.recipientPartyId = partyId;
            return this;
        }

        /** A designated payer: its party becomes the recipient, and only this account may pay. */
        public Builder payer(String partyId, Long accountId) {
            this.recipientPartyId = partyId;
            this.payerAccountId = accountId;
            return this;
        }

        public Builder metadata(String json) {
            this.metadata = json;
            return this;
        }

        public Builder location(Double latitude, Double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
            return this;
        }

        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        public Builder order(String order) {
            this.order = order;
            return this;
        }

        public Builder terminal(Integer terminal) {
            this.terminal = terminal;
            return this;
        }

        public Builder notifyUrl(String notifyUrl) {
            this.notifyUrl = notifyUrl;
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        /** An absolute deadline, kept as given; named in errors as the dialect's own field. */
        public Builder deadline(Instant deadline, String field) {
            this.deadline = deadline.truncatedTo(ChronoUnit.MICROS);
            this.lifetimeField = field;
            return this;
        }

        /** The lifetime, named in errors as the dialect's own field ({@code expires_in}, {@code expiration}). */
        public Builder lifetime(Duration lifetime, String field) {
            this.lifetime = lifetime;
            this.lifetimeField = field;
            return this;
        }

        public PaymentRequest build(Instant now) {
            return new PaymentRequest(this, now);
        }
    }
}
