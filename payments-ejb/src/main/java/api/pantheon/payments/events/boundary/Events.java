package api.pantheon.payments.events.boundary;

import api.pantheon.payments.channels.control.Channels;
import api.pantheon.payments.channels.control.RequestMessage;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.events.control.CallbackDocument;
import api.pantheon.payments.events.control.DeliveryOutcome;
import api.pantheon.payments.events.control.RetrySchedule;
import api.pantheon.payments.events.entity.Delivery;
import api.pantheon.payments.events.entity.DeliveryAttempt;
import api.pantheon.payments.events.entity.Event;
import api.pantheon.payments.instances.boundary.Instances;
import api.pantheon.payments.instances.control.ThisInstance;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.payments.control.ItemDocument;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events and their deliveries. {@link #publish} runs inside the transaction that changed a request,
 * so an event exists exactly when its change does; the rest moves deliveries along, each step in a
 * transaction of its own, so that a failure anywhere leaves the delivery owed, never lost.
 */
@Stateless
public class Events {

    /**
     * A delivery queued or being sent this long ago by an instance that is still alive lost its
     * message (a broker restart); one claimed by a dead instance is owed again at once.
     */
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RetrySchedule retrySchedule;

    @Inject
    ThisInstance self;

    @Inject
    Parties parties;

    @Inject
    Channels channels;

    @Inject
    @ConfigProperty(name = "payments.public-url")
    String publicUrl;

    /** Writes an event for every status the request entered, and owes a callback for each change. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(PaymentRequest request) {
        record(request);
    }

    /** The events of the statuses the request entered, with what each owes; the last one, if any. */
    private Optional<Event> record(PaymentRequest request) {
        Instant now = clock.instant();
        Event last = null;
        for (RequestStatus status : request.takeUnpublished()) {
            Event event = new Event(request.requesterPartyId(), request.id(), status,
                    status == RequestStatus.PAID ? request.transactionId().orElse(null) : null, now);
            em.persist(event);
            if (status.isFinal() && request.notifyUrl().isPresent()) {
                em.flush(); // the delivery keeps the event's sequence for ordering
                em.persist(new Delivery(event, request.notifyUrl().get(), now));
            }
            if (status == RequestStatus.PENDING && request.channel().filter(channels::isSent).isPresent()) {
                em.flush();
                String channel = request.channel().get();
                em.persist(Delivery.toChannel(event, channelTarget(channel, request), channel, now));
            }
            last = event;
        }
        return Optional.ofNullable(last);
    }

    /**
     * Publishes the request's changes and owes the submission's callback (seed 003) with the last of
     * them: the answer of the business system, POSTed to the client's expanded callback URL.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publishAnswer(PaymentRequest request, Payment payment) {
        Optional<Event> last = record(request);
        if (last.isPresent() && payment.callbackUrl().isPresent()) {
            em.flush();
            em.persist(Delivery.ofSubmission(last.get(), payment.callbackUrl().get(), payment.payerPartyId(), payment.id(),
                    clock.instant()));
        }
    }

    /** Claims deliveries that are due (and not waiting behind an earlier one of theirs) for the queue. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> claimDue(int max) {
        Instant now = clock.instant();
        em.createNamedQuery(Delivery.STALE, Delivery.class)
                .setParameter("before", now.minus(STALE_AFTER).atOffset(ZoneOffset.UTC))
                .setParameter("alive", Instances.aliveSince(now).atOffset(ZoneOffset.UTC))
                .getResultList().forEach(delivery -> delivery.requeueStale(now));
        List<String> due = em.createNamedQuery(Delivery.DUE, String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(max).getResultList();
        for (String id : due) {
            em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE).queued(self.id(), now);
        }
        return due;
    }

    /** A worker takes a queued delivery; empty when it is not queued any more (a duplicate message). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Outgoing> start(String deliveryId) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.start(self.id(), clock.instant())) {
            return Optional.empty();
        }
        Event event = em.find(Event.class, delivery.eventId());
        PaymentRequest request = em.find(PaymentRequest.class, event.requestId());
        if (delivery.paymentId().isPresent()) {
            Payment payment = em.find(Payment.class, delivery.paymentId().get());
            String secret = parties.signingSecretOf(payment.payerPartyId()).orElse("");
            String body = ItemDocument.json(request, payment, submissionsOf(request.id()), clock.instant());
            return Optional.of(new Outgoing(delivery.id(), event.id(), delivery.url(), Optional.empty(),
                    ItemDocument.signature(secret, clock.instant().getEpochSecond(), body), body));
        }
        if (delivery.channel().isEmpty()) {
            String secret = parties.signingSecretOf(event.partyId()).orElse("");
            return Optional.of(new Outgoing(delivery.id(), event.id(), delivery.url(), Optional.empty(), null,
                    CallbackDocument.of(event, request, secret)));
        }
        String channel = delivery.channel().get();
        Party requester = em.find(Party.class, request.requesterPartyId());
        Party recipient = em.find(Party.class, request.recipientPartyId().orElseThrow());
        String payLink = publicUrl + "/v1/requests/" + request.id() + "/pay";
        String body = Channels.EMAIL.equals(channel) ? RequestMessage.text(request, requester, payLink)
                : RequestMessage.gatewayBody(event, channel, request, requester, recipient, payLink);
        return Optional.of(new Outgoing(delivery.id(), event.id(), delivery.url(), Optional.of(channel),
                Channels.EMAIL.equals(channel) ? "Payment request: " + request.amount() : null, body));
    }

    /** Records the try; a 2xx delivers, anything else is retried on the schedule or ends dead. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(String deliveryId, DeliveryOutcome outcome) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        DeliveryAttempt attempt = new DeliveryAttempt(delivery, outcome.at(), outcome.httpStatus(), outcome.error(),
                outcome.durationMillis());
        em.persist(attempt);
        if (attempt.succeeded()) {
            delivery.delivered(clock.instant());
        } else {
            delivery.failed(retrySchedule.pauses(), clock.instant());
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long submissionsOf(String requestId) {
        return em.createNamedQuery(Payment.COUNT_PER_REQUEST, Object[].class).setParameter("requests", List.of(requestId))
                .getResultStream().mapToLong(row -> ((Number) row[1]).longValue()).sum();
    }

    /** Where a request goes through a channel: the gateway's URL, or the recipient's email address. */
    private String channelTarget(String channel, PaymentRequest request) {
        if (Channels.EMAIL.equals(channel)) {
            return "mailto:" + em.find(Party.class, request.recipientPartyId().orElseThrow()).email().orElseThrow();
        }
        return channels.gatewayUrl(channel).orElseThrow();
    }

    /**
     * A request's deliveries to the caller's own URLs (and, for its requester, its messages through a
     * channel); a party never sees where the other party is notified.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Delivery> deliveriesOfRequest(String requestId, String callerPartyId) {
        requireParty(requestId, callerPartyId);
        return em.createNamedQuery(Delivery.OF_REQUEST, Delivery.class).setParameter("request", requestId)
                .setParameter("party", callerPartyId).getResultList();
    }

    /** The log of a request's callbacks to the caller's own URLs. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryAttempt> attempts(String requestId, String callerPartyId) {
        requireParty(requestId, callerPartyId);
        return em.createNamedQuery(DeliveryAttempt.OF_REQUEST, DeliveryAttempt.class)
                .setParameter("request", requestId).setParameter("party", callerPartyId).getResultList();
    }

    private void requireParty(String requestId, String callerPartyId) {
        PaymentRequest request = requestId == null ? null : em.find(PaymentRequest.class, requestId);
        if (request == null || !request.isParty(callerPartyId)) {
            throw ErrorCode.PAYMENT_NOT_FOUND.exception();
        }
    }

    /** Owes the event's callback again, delivered or dead; answers the new delivery. */
    public Delivery replay(String eventId, String callerPartyId) {
        Event event = ownEvent(eventId, callerPartyId);
        PaymentRequest request = em.find(PaymentRequest.class, event.requestId());
        String url = request.notifyUrl().orElseThrow(() -> ErrorCode.INVALID_DATA.exception(
                "event: its payment request has no notify_url to deliver to"));
        if (event.status() == RequestStatus.PENDING) {
            throw ErrorCode.INVALID_DATA.exception("event: a creation is not delivered as a callback");
        }
        Delivery delivery = new Delivery(event, url, clock.instant());
        em.persist(delivery);
        return delivery;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Delivery> deliveriesOf(String eventId, String callerPartyId) {
        Event event = ownEvent(eventId, callerPartyId);
        return em.createNamedQuery(Delivery.OF_EVENT, Delivery.class).setParameter("event", event.id())
                .setParameter("party", callerPartyId).getResultList();
    }

    /** The caller's events, newest first, below {@code beforeSequence}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public EventPage page(String callerPartyId, long beforeSequence, int limit) {
        List<Event> found = em.createNamedQuery(Event.OF_PARTY, Event.class).setParameter("party", callerPartyId)
                .setParameter("before", beforeSequence).setMaxResults(limit + 1).getResultList();
        if (found.size() <= limit) {
            return new EventPage(found, Optional.empty());
        }
        List<Event> page = List.copyOf(found.subList(0, limit));
        return new EventPage(page, Optional.of(page.get(limit - 1).sequence()));
    }

    private Event ownEvent(String eventId, String callerPartyId) {
        return Optional.ofNullable(eventId == null ? null : em.find(Event.class, eventId))
                .filter(event -> event.partyId().equals(callerPartyId))
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No such event"));
    }
}
