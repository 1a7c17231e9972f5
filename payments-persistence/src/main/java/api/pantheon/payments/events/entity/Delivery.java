package api.pantheon.payments.events.entity;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.ids.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One event owed to one URL. The database row is the promise: whatever happens to the queue or the
 * server, a delivery stays owed until it is delivered or dead. Deliveries of one request to one URL
 * go out in event order: one waits while an earlier one is still owed.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(name = Delivery.DUE, query = "select d.id from Delivery d where d.state = api.pantheon.payments.events.entity.DeliveryState.PENDING"
        + " and d.nextAttemptAt <= :now and not exists (select e from Delivery e where e.requestId = d.requestId"
        + " and e.url = d.url and e.eventSequence < d.eventSequence and e.state in (api.pantheon.payments.events.entity.DeliveryState.PENDING,"
        + " api.pantheon.payments.events.entity.DeliveryState.QUEUED, api.pantheon.payments.events.entity.DeliveryState.SENDING))"
        + " order by d.eventSequence")
/** Deliveries by id, in id order: locking several at once in the same order everywhere cannot deadlock. */
@NamedQuery(name = Delivery.WITH_IDS, query = "select d from Delivery d where d.id in :ids order by d.id")
@NamedQuery(name = Delivery.QUEUED_BY, query = "select count(d) from Delivery d"
        + " where d.state = api.pantheon.payments.events.entity.DeliveryState.QUEUED and d.claimedBy = :instance")
@NamedQuery(name = Delivery.STALE, query = "select d from Delivery d where d.state in (api.pantheon.payments.events.entity.DeliveryState.QUEUED,"
        + " api.pantheon.payments.events.entity.DeliveryState.SENDING) and ((d.state = api.pantheon.payments.events.entity.DeliveryState.QUEUED"
        + " and d.updatedAt < :queuedBefore) or d.updatedAt < :sendingBefore or d.claimedBy is null"
        + " or d.claimedBy not in (select i.id from Instance i where i.heartbeatAt >= :alive))")
@NamedQuery(name = Delivery.DEAD, query = "select d from Delivery d where d.state = api.pantheon.payments.events.entity.DeliveryState.DEAD"
        + " order by d.updatedAt desc, d.id desc")
@NamedQuery(name = Delivery.ALL_OF_REQUEST, query = "select d from Delivery d where d.requestId = :request order by d.eventSequence, d.createdAt")
@NamedQuery(name = Delivery.OF_EVENT, query = "select d from Delivery d where d.eventId = :event and d.partyId = :party"
        + " order by d.createdAt")
@NamedQuery(name = Delivery.OF_REQUEST, query = "select d from Delivery d where d.requestId = :request and d.partyId = :party"
        + " order by d.createdAt")
public class Delivery {

    public static final String DUE = "Delivery.due";
    public static final String WITH_IDS = "Delivery.withIds";
    /** How many deliveries an instance has put on the queue that no worker has taken yet. */
    public static final String QUEUED_BY = "Delivery.queuedBy";
    public static final String STALE = "Delivery.stale";
    public static final String OF_EVENT = "Delivery.ofEvent";
    /** Deliveries that gave up, newest first, across all clients: for operators. */
    public static final String DEAD = "Delivery.dead";
    /** Every delivery of a request, whoever it goes to: for operators. */
    public static final String ALL_OF_REQUEST = "Delivery.allOfRequest";
    public static final String OF_REQUEST = "Delivery.ofRequest";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "event_id", nullable = false, length = 36, updatable = false)
    private String eventId;

    @Column(name = "event_sequence", nullable = false, updatable = false)
    private Long eventSequence;

    @Column(name = "request_id", nullable = false, length = 36, updatable = false)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, updatable = false)
    private DeliveryKind kind;

    /** Whose URL this is (the requester's notify_url, the payer's callback); only that party sees it. */
    @Column(name = "party_id", length = 36, updatable = false)
    private String partyId;

    /** Where it goes: a callback URL, a gateway URL, or mailto: an address. */
    @Column(nullable = false, length = 2048, updatable = false)
    private String url;

    /** The make-payment submission whose answer this delivers (seed 003's callback), if any. */
    @Column(name = "payment_id", length = 36, updatable = false)
    private String paymentId;

    /** Empty for a callback; the messaging channel for a request delivered to its recipient. */
    @Column(length = 32, updatable = false)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryState state;

    @Column(nullable = false)
    private int attempts;

    /** The instance that queued it or is sending it: when that one dies, the delivery is owed again. */
    @Column(name = "claimed_by", length = 36)
    private String claimedBy;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Delivery() {
    }

    /** The event's callback to its requester's notify_url. */
    public static Delivery toNotifyUrl(Event event, String url, Instant now) {
        return new Delivery(DeliveryKind.REQUEST_CALLBACK, event, event.partyId(), url, null, now);
    }

    /** The request sent to its recipient through a channel, for its requester to follow. */
    public static Delivery toChannel(Event event, String url, String channel, boolean mail, Instant now) {
        return new Delivery(mail ? DeliveryKind.CHANNEL_EMAIL : DeliveryKind.CHANNEL_MESSAGE, event, event.partyId(), url,
                channel, now);
    }

    /** The same delivery owed once more (an operator replays it): a new one, with its own attempts. */
    public Delivery again(Instant now) {
        Delivery again = new Delivery();
        again.id = TimeOrderedIds.next();
        again.kind = kind;
        again.partyId = partyId;
        again.channel = channel;
        again.eventId = eventId;
        again.eventSequence = eventSequence;
        again.requestId = requestId;
        again.url = url;
        again.paymentId = paymentId;
        again.state = DeliveryState.PENDING;
        again.nextAttemptAt = now.atOffset(ZoneOffset.UTC);
        again.createdAt = again.nextAttemptAt;
        again.updatedAt = again.nextAttemptAt;
        return again;
    }

    private Delivery(DeliveryKind kind, Event event, String partyId, String url, String channel, Instant now) {
        this.id = TimeOrderedIds.next();
        this.kind = kind;
        this.partyId = partyId;
        this.channel = channel;
        this.eventId = event.id();
        this.eventSequence = event.sequence();
        this.requestId = event.requestId();
        this.url = url;
        this.state = DeliveryState.PENDING;
        this.nextAttemptAt = now.atOffset(ZoneOffset.UTC);
        this.createdAt = nextAttemptAt;
        this.updatedAt = nextAttemptAt;
    }

    public void queued(String instanceId, Instant now) {
        move(DeliveryState.PENDING, DeliveryState.QUEUED, now);
        claimedBy = instanceId;
    }

    /** Queued by this instance, whose message could not be sent (the broker unreachable): owed again now. */
    public void unqueue(String instanceId, Instant now) {
        if (state == DeliveryState.QUEUED && instanceId.equals(claimedBy)) {
            requeueStale(now);
        }
    }

    /** A worker takes it; false when another already did (a message delivered twice). */
    public boolean start(String instanceId, Instant now) {
        if (state != DeliveryState.QUEUED) {
            return false;
        }
        move(DeliveryState.QUEUED, DeliveryState.SENDING, now);
        claimedBy = instanceId;
        attempts++;
        return true;
    }

    public void delivered(Instant now) {
        move(DeliveryState.SENDING, DeliveryState.DELIVERED, now);
    }

    /** After a failed try: due again after the schedule's next pause, or dead when none is left. */
    public void failed(List<Duration> retrySchedule, Instant now) {
        if (attempts > retrySchedule.size()) {
            move(DeliveryState.SENDING, DeliveryState.DEAD, now);
        } else {
            move(DeliveryState.SENDING, DeliveryState.PENDING, now);
            nextAttemptAt = now.plus(retrySchedule.get(attempts - 1)).atOffset(ZoneOffset.UTC);
        }
    }

    /**
     * Taken, but not sent now (nothing here can render its kind yet, as while the server starts): owed
     * again at once, and the try does not count.
     */
    public void postpone(Instant now) {
        move(DeliveryState.SENDING, DeliveryState.PENDING, now);
        attempts--;
        claimedBy = null;
        nextAttemptAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A message or a worker was lost (the instance that claimed it died); owed again now. */
    public void requeueStale(Instant now) {
        if (!state.canMoveTo(DeliveryState.PENDING)) {
            throw ErrorCode.STATE_CONFLICT.exception("Delivery " + id + " is " + state + "; it is not in flight");
        }
        state = DeliveryState.PENDING;
        claimedBy = null;
        nextAttemptAt = now.atOffset(ZoneOffset.UTC);
        updatedAt = nextAttemptAt;
    }

    private void move(DeliveryState from, DeliveryState to, Instant now) {
        if (state != from || !from.canMoveTo(to)) {
            throw ErrorCode.STATE_CONFLICT.exception("Delivery " + id + " is " + state + "; it cannot become " + to);
        }
        state = to;
        updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String requestId() {
        return requestId;
    }

    public String url() {
        return url;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    public String partyId() {
        return partyId;
    }

    public DeliveryKind kind() {
        return kind;
    }

    /**
     * Who receives it: its URL's host and port, or the mail server for every address. Deliveries to
     * one receiver travel together, so that a slow receiver holds up only its own.
     */
    public String receiver() {
        if (url.startsWith("mailto:")) {
            return "mailto:";
        }
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? url : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }

    /** Waiting to be queued, not claimed by any relay. */
    public boolean isOwed() {
        return state == DeliveryState.PENDING;
    }

    public boolean isSending() {
        return state == DeliveryState.SENDING;
    }

    /** Seed 003: the callback of a make-payment submission to its payer's URL, whose body is the item. */
    public static Delivery ofSubmission(Event event, String url, String payerPartyId, String paymentId, Instant now) {
        Delivery delivery = new Delivery(DeliveryKind.SUBMISSION_CALLBACK, event, payerPartyId, url, null, now);
        delivery.paymentId = paymentId;
        return delivery;
    }

    public Optional<String> paymentId() {
        return Optional.ofNullable(paymentId);
    }

    public Optional<String> channel() {
        return Optional.ofNullable(channel);
    }

    public DeliveryState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return state == DeliveryState.PENDING ? Optional.of(nextAttemptAt.toInstant()) : Optional.empty();
    }
}
