package api.pantheon.payments.events.entity;

import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to a payment request, written in the same transaction as the change
 * itself: a change that rolls back leaves no event. Its id is stable, so receivers can drop
 * duplicates; its sequence orders one request's events.
 */
@Entity
@Table(name = "event")
@NamedQuery(name = Event.OF_PARTY, query = "select e from Event e where e.partyId = :party and e.sequence < :before"
        + " order by e.sequence desc")
public class Event {

    public static final String OF_PARTY = "Event.ofParty";

    @Id
    @Column(length = 36)
    private String id;

    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
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

    protected Event() {
    }

    public Event(String partyId, String requestId, RequestStatus status, String transactionId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.partyId = partyId;
        this.requestId = requestId;
        this.status = status;
        this.transactionId = transactionId;
        this.occurredAt = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** {@code payment_request.paid}, {@code payment_request.expired}, … */
    public String type() {
        return "payment_request." + status.name().toLowerCase();
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
