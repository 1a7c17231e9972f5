package api.pantheon.payments.events.entity;

import api.pantheon.payments.ids.TimeOrderedIds;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Something that happened to a payment request, written in the same transaction as the change
 * itself: a change that rolls back leaves no event. Its id is stable, so receivers can drop
 * duplicates; its sequence orders one request's events.
 */
@Entity
@Table(name = "event")
@NamedQuery(name = Event.WITH_IDS, query = "select e from Event e where e.id in :ids")
@NamedQuery(name = Event.OF_REQUEST, query = "select e from Event e where e.requestId = :request order by e.sequence")
@NamedQuery(name = Event.OF_PARTY, query = "select e from Event e where e.partyId = :party and e.sequence < :before"
        + " order by e.sequence desc")
public class Event {

    public static final String WITH_IDS = "Event.withIds";
    public static final String OF_PARTY = "Event.ofParty";
    public static final String OF_REQUEST = "Event.ofRequest";

    @Id
    @Column(length = 36)
    private String id;

    /** Numbered by the caller (events.control.EventSequences), after the request's previous event. */
    @Column(nullable = false, updatable = false, unique = true)
    private Long sequence;

    /** The client the event is for: the request's requester. */
    @Column(name = "party_id", nullable = false, length = 36, updatable = false)
    private String partyId;

    @Column(name = "request_id", nullable = false, length = 36, updatable = false)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private RequestStatus status;

    @Column(name = "transaction_id", length = 36, updatable = false)
    private String transactionId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    /** The refund this event tells of; the request stays paid, so its status does not. */
    @Column(name = "refund_id", length = 36, updatable = false)
    private String refundId;

    @Column(name = "refund_amount", precision = 19, scale = 4, updatable = false)
    private BigDecimal refundAmount;

    @Column(name = "refunded_total", precision = 19, scale = 4, updatable = false)
    private BigDecimal refundedTotal;

    protected Event() {
    }

    /** A paid request's refund: the money given back, and the ledger transaction that gave it. */
    public static Event ofRefund(long sequence, String partyId, String requestId, String refundId, Money amount,
                                 Money refundedTotal, String transactionId, Instant now) {
        Event event = new Event(sequence, partyId, requestId, RequestStatus.PAID, transactionId, now);
        event.refundId = refundId;
        // Kept at the currency's own scale, as the callback shows them.
        event.refundAmount = amount.amount();
        event.refundedTotal = refundedTotal.amount();
        return event;
    }

    public Event(long sequence, String partyId, String requestId, RequestStatus status, String transactionId, Instant now) {
        this.id = TimeOrderedIds.next();
        this.sequence = sequence;
        this.partyId = partyId;
        this.requestId = requestId;
        this.status = status;
        this.transactionId = transactionId;
        this.occurredAt = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** {@code payment_request.paid}, {@code payment_request.expired}, … and {@code payment_request.refunded}. */
    public String type() {
        return "payment_request." + (refundId != null ? "refunded" : status.name().toLowerCase());
    }

    public Optional<String> refundId() {
        return Optional.ofNullable(refundId);
    }

    public Optional<BigDecimal> refundAmount() {
        return Optional.ofNullable(refundAmount);
    }

    /** All that had been refunded once this refund was made. */
    public Optional<BigDecimal> refundedTotal() {
        return Optional.ofNullable(refundedTotal);
    }

    public String id() {
        return id;
    }

    public Long sequence() {
        return sequence;
    }

    public String partyId() {
        return partyId;
    }

    public String requestId() {
        return requestId;
    }

    public RequestStatus status() {
        return status;
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }
}
