package api.pantheon.payments.events.entity;

import api.pantheon.payments.ids.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** One try at a delivery, as the delivery log shows it. Never changed. */
@Entity
@Table(name = "delivery_attempt")
@NamedQuery(name = DeliveryAttempt.OF_REQUEST, query = "select a from DeliveryAttempt a where a.requestId = :request"
        + " and a.partyId = :party order by a.attemptedAt, a.id")
@NamedQuery(name = DeliveryAttempt.ALL_OF_REQUEST, query = "select a from DeliveryAttempt a where a.requestId = :request"
        + " order by a.attemptedAt, a.id")
public class DeliveryAttempt {

    public static final String OF_REQUEST = "DeliveryAttempt.ofRequest";
    /** Every try at a request's deliveries, whoever they went to: for operators. */
    public static final String ALL_OF_REQUEST = "DeliveryAttempt.allOfRequest";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "delivery_id", nullable = false, length = 36, updatable = false)
    private String deliveryId;

    @Column(name = "event_id", nullable = false, length = 36, updatable = false)
    private String eventId;

    @Column(name = "request_id", nullable = false, length = 36, updatable = false)
    private String requestId;

    /** Whose log shows it: the owner of the callback URL, or the requester of a message through a channel. */
    @Column(name = "party_id", length = 36, updatable = false)
    private String partyId;

    /** The channel of a message to a recipient; empty for a callback. */
    @Column(length = 32, updatable = false)
    private String channel;

    @Column(nullable = false, length = 2048, updatable = false)
    private String url;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private OffsetDateTime attemptedAt;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(length = 255, updatable = false)
    private String error;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMillis;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(Delivery delivery, Instant attemptedAt, Integer httpStatus, String error, long durationMillis) {
        this.id = TimeOrderedIds.next();
        this.deliveryId = delivery.id();
        this.eventId = delivery.eventId();
        this.requestId = delivery.requestId();
        this.url = delivery.url();
        this.partyId = delivery.partyId();
        this.channel = delivery.channel().orElse(null);
        this.attemptedAt = attemptedAt.atOffset(ZoneOffset.UTC);
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= 255 ? error : error.substring(0, 255);
        this.durationMillis = durationMillis;
    }

    /** A 2xx answer, or (for mail, which has no HTTP status) no error. */
    public boolean succeeded() {
        return error == null && (httpStatus == null || httpStatus >= 200 && httpStatus < 300);
    }

    public String eventId() {
        return eventId;
    }

    public String url() {
        return url;
    }

    public Optional<String> channel() {
        return Optional.ofNullable(channel);
    }

    public Instant attemptedAt() {
        return attemptedAt.toInstant();
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public long durationMillis() {
        return durationMillis;
    }
}
