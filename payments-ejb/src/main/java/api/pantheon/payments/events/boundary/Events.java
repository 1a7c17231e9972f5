package api.pantheon.payments.events.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.channels.control.Channels;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.events.control.DeliveryOutcome;
import api.pantheon.payments.events.control.DeliveryQueue;
import api.pantheon.payments.events.control.EventSequences;
import api.pantheon.payments.events.control.RequestCounters;
import api.pantheon.payments.events.control.RetrySchedule;
import api.pantheon.payments.events.entity.AttemptView;
import api.pantheon.payments.events.entity.Delivery;
import api.pantheon.payments.events.entity.DeliveryAttempt;
import api.pantheon.payments.events.entity.DeliveryView;
import api.pantheon.payments.events.entity.Event;
import api.pantheon.payments.events.entity.EventView;
import api.pantheon.payments.instances.boundary.Instances;
import api.pantheon.payments.instances.control.ThisInstance;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.payments.control.SubmissionViews;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.requests.control.RequestLocks;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events and their deliveries. {@link #publish} runs inside the transaction that changed a request,
 * so an event exists exactly when its change does; the rest moves deliveries along, each step in a
 * transaction of its own, so that a failure anywhere leaves the delivery owed, never lost. A delivery
 * is stored as its kind and its facts; the dialect that owns the kind writes and signs it when it goes.
 */
@Stateless
public class Events {

    /**
     * A delivery queued this long ago by an instance that is still alive lost its message (a broker
     * restart): owed again; a duplicate of the lost message finds it no longer queued. One claimed by a
     * dead instance is owed again at once.
     */
    private static final Duration QUEUED_STALE_AFTER = Duration.ofSeconds(30);
    /**
     * A delivery being sent this long ago by a live instance lost its outcome (recording it failed): owed
     * again. Much longer than any worker's sending time plus its transactions under load, because owing it
     * again while its worker still posts would send it twice.
     */
    private static final Duration SENDING_STALE_AFTER = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    RequestCounters counters;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    RetrySchedule retrySchedule;

    @Inject
    ThisInstance self;

    @Inject
    Parties parties;

    @Inject
    Channels channels;

    @Inject
    EventSequences sequences;

    @Inject
    RequestLocks requests;

    @Inject
    SubmissionViews submissions;

    @Inject
    @ConfigProperty(name = "payments.public-url")
    String publicUrl;

    /** Writes an event for every status the request entered, and owes a delivery for each that needs one. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(PaymentRequest request, Instant now) {
        record(request, now);
    }

    /**
     * Publishes the changes a payment made to its request, and owes the payment's own callback (seed
     * 003's) with the last of them: its payer hears the answer of the business system there.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(PaymentRequest request, Payment payment, Instant now) {
        if (payment.isRefund()) {
            // The request stays paid; the event tells of the money given back, and its requester hears of it.
            Event refunded = Event.ofRefund(numberNextEventOf(request), request.requesterPartyId(), request.id(), payment.id(),
                    payment.amount(), request.refundedAmount(), payment.id(), now);
            em.persist(refunded);
            if (request.notifyUrl().isPresent()) {
                em.persist(Delivery.toNotifyUrl(refunded, request.notifyUrl().get(), now));
            }
            return;
        }
        Optional<Event> last = record(request, now);
        if (last.isPresent() && payment.callbackUrl().isPresent()) {
            em.persist(Delivery.ofSubmission(last.get(), payment.callbackUrl().get(), payment.payerPartyId(), payment.id(), now));
        }
    }

    /** The events of the statuses the request entered, with what each owes; the last one, if any. */
    private Optional<Event> record(PaymentRequest request, Instant now) {
        Event last = null;
        for (RequestStatus status : request.takeUnpublished()) {
            Event event = new Event(numberNextEventOf(request), request.requesterPartyId(), request.id(), status,
                    status == RequestStatus.PAID ? request.transactionId().orElse(null) : null, now);
            em.persist(event);
            counters.entered(status);
            if (status.isFinal() && request.notifyUrl().isPresent()) {
                em.persist(Delivery.toNotifyUrl(event, request.notifyUrl().get(), now));
            }
            if (status == RequestStatus.PENDING && request.channel().filter(channels::isSent).isPresent()) {
                String channel = request.channel().get();
                em.persist(Delivery.toChannel(event, channelTarget(channel, request), channel, Channels.EMAIL.equals(channel), now));
            }
            last = event;
        }
        return Optional.ofNullable(last);
    }

    /** The number of the request's next event, after all of its earlier ones (whichever instance numbered them). */
    private long numberNextEventOf(PaymentRequest request) {
        long sequence = sequences.after(request.lastEventSequence());
        request.eventNumbered(sequence);
        return sequence;
    }

    /**
     * Claims deliveries that are due (and not waiting behind an earlier one of theirs) for the queue, at
     * most {@code max}, and fewer while this instance's queue already holds {@code inFlight} that no
     * worker has taken: a claim waiting on the queue longer than the stale limit would be owed again.
     * Answers them as the messages to send (see {@link DeliveryQueue#messagesOf}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<List<String>> claimDue(int max, int inFlight, int fewestPerMessage, int mostPerMessage) {
        Instant now = clock.instant();
        em.createNamedQuery(Delivery.STALE, Delivery.class)
                .setParameter("queuedBefore", now.minus(QUEUED_STALE_AFTER).atOffset(ZoneOffset.UTC))
                .setParameter("sendingBefore", now.minus(SENDING_STALE_AFTER).atOffset(ZoneOffset.UTC))
                .setParameter("alive", Instances.aliveSince(now).atOffset(ZoneOffset.UTC))
                .getResultList().forEach(delivery -> delivery.requeueStale(now));
        long queued = em.createNamedQuery(Delivery.QUEUED_BY, Long.class).setParameter("instance", self.id())
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        int room = (int) Math.min(max, inFlight - queued);
        if (room <= 0) {
            return List.of();
        }
        List<String> due = em.createNamedQuery(Delivery.DUE, String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(room).getResultList();
        Map<String, List<String>> byReceiver = new LinkedHashMap<>();
        // Another instance's relay may have claimed some between the query and the lock.
        for (Delivery delivery : locked(due).stream().filter(Delivery::isOwed).toList()) {
            delivery.queued(self.id(), now);
            byReceiver.computeIfAbsent(delivery.receiver(), receiver -> new ArrayList<>()).add(delivery.id());
        }
        return DeliveryQueue.messagesOf(byReceiver.values(), fewestPerMessage, mostPerMessage);
    }

    /**
     * Deliveries this instance claimed whose messages did not reach the broker: owed again at once,
     * rather than when the stale sweep finds them. A message that did get through finds its delivery
     * no longer queued and is dropped; the next relay sends it again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void unclaim(List<String> deliveryIds) {
        Instant now = clock.instant();
        locked(deliveryIds).forEach(delivery -> delivery.unqueue(self.id(), now));
    }

    /**
     * A worker takes the queued deliveries a message names: their facts, without those not queued any
     * more (a duplicate message). One transaction for all: their rows, events, requests and payments
     * are read a query each, and a client's signing secret once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<DeliveryFacts> start(List<String> deliveryIds) {
        Instant now = clock.instant();
        List<Delivery> taken = locked(deliveryIds).stream().filter(delivery -> delivery.start(self.id(), now)).toList();
        if (taken.isEmpty()) {
            return List.of();
        }
        // Read together into the persistence context, where the finds below then find them.
        withIds(Event.WITH_IDS, Event.class, taken.stream().map(Delivery::eventId));
        withIds(PaymentRequest.WITH_IDS, PaymentRequest.class, taken.stream().map(Delivery::requestId));
        withIds(Payment.WITH_IDS, Payment.class, taken.stream().flatMap(delivery -> delivery.paymentId().stream()));
        Map<String, String> signingSecrets = new HashMap<>();
        return taken.stream().map(delivery -> factsOf(delivery, signingSecrets, now)).toList();
    }

    private DeliveryFacts factsOf(Delivery delivery, Map<String, String> signingSecrets, Instant now) {
        Event event = em.find(Event.class, delivery.eventId());
        PaymentRequest request = em.find(PaymentRequest.class, event.requestId());
        Optional<Payment> payment = delivery.paymentId().map(id -> em.find(Payment.class, id));
        Optional<PartyView> requester = Optional.empty();
        Optional<PartyView> recipient = Optional.empty();
        if (delivery.channel().isPresent()) {
            requester = Optional.of(PartyView.of(em.find(Party.class, request.requesterPartyId())));
            recipient = request.recipientPartyId().map(id -> PartyView.of(em.find(Party.class, id)));
        }
        return new DeliveryFacts(delivery.id(), delivery.kind(), delivery.url(), delivery.channel(),
                EventView.of(event), RequestView.of(request, now),
                payment.map(paid -> submissions.of(request, paid, now)), requester, recipient,
                publicUrl + "/v1/requests/" + request.id() + "/pay", secretFor(delivery, event, payment, signingSecrets), now);
    }

    private <T> void withIds(String query, Class<T> type, Stream<String> ids) {
        List<String> distinct = ids.distinct().toList();
        if (!distinct.isEmpty()) {
            em.createNamedQuery(query, type).setParameter("ids", distinct).getResultList();
        }
    }

    /** The deliveries, their rows locked together in id order. */
    private List<Delivery> locked(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Delivery.WITH_IDS, Delivery.class).setParameter("ids", deliveryIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /** The key a delivery is signed with: the receiving client's signing secret (read once per party), or its gateway's. */
    private String secretFor(Delivery delivery, Event event, Optional<Payment> payment, Map<String, String> signingSecrets) {
        return switch (delivery.kind()) {
            case REQUEST_CALLBACK -> signingSecretOf(event.partyId(), signingSecrets);
            case SUBMISSION_CALLBACK -> signingSecretOf(payment.orElseThrow().payerPartyId(), signingSecrets);
            case CHANNEL_MESSAGE -> channels.gatewaySecret(delivery.channel().orElseThrow());
            case CHANNEL_EMAIL -> "";
        };
    }

    private String signingSecretOf(String partyId, Map<String, String> signingSecrets) {
        return signingSecrets.computeIfAbsent(partyId, party -> parties.signingSecretOf(party).orElse(""));
    }

    /**
     * Records the tries a worker made, in one transaction: a 2xx delivers, anything else is retried on
     * the schedule or ends dead. {@code notSent} were taken but not tried (nothing here could write
     * their kind yet, or the worker ran out of time): owed again at once, without counting a try. A
     * delivery no longer being sent (the stale sweep gave it to another worker meanwhile) keeps the
     * log of this try and stays where it is now.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(Map<String, DeliveryOutcome> outcomes, List<String> notSent) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(outcomes.keySet());
        ids.addAll(notSent);
        for (Delivery delivery : locked(ids)) {
            DeliveryOutcome outcome = outcomes.get(delivery.id());
            if (outcome == null) {
                if (delivery.isSending()) {
                    delivery.postpone(now);
                }
                continue;
            }
            DeliveryAttempt attempt = new DeliveryAttempt(delivery, outcome.at(), outcome.httpStatus(), outcome.error(),
                    outcome.durationMillis());
            em.persist(attempt);
            if (!delivery.isSending()) {
                continue;
            }
            if (attempt.succeeded()) {
                delivery.delivered(now);
            } else {
                delivery.failed(retrySchedule.pauses(), now);
            }
        }
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
    public List<DeliveryView> deliveriesOfRequest(String requestId, String callerPartyId) {
        requests.visible(requestId, callerPartyId);
        return em.createNamedQuery(Delivery.OF_REQUEST, Delivery.class).setParameter("request", requestId)
                .setParameter("party", callerPartyId).getResultStream().map(DeliveryView::of).toList();
    }

    /** The log of a request's deliveries to the caller's own URLs. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AttemptView> attempts(String requestId, String callerPartyId) {
        requests.visible(requestId, callerPartyId);
        return em.createNamedQuery(DeliveryAttempt.OF_REQUEST, DeliveryAttempt.class)
                .setParameter("request", requestId).setParameter("party", callerPartyId).getResultStream()
                .map(AttemptView::of).toList();
    }

    /** A request's events, oldest first: for operators. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<EventView> eventsOf(String requestId) {
        return em.createNamedQuery(Event.OF_REQUEST, Event.class).setParameter("request", requestId).getResultStream()
                .map(EventView::of).toList();
    }

    /** Every delivery of a request, to whomever: for operators. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryView> allDeliveriesOf(String requestId) {
        return em.createNamedQuery(Delivery.ALL_OF_REQUEST, Delivery.class).setParameter("request", requestId)
                .getResultStream().map(DeliveryView::of).toList();
    }

    /** Every try at a request's deliveries: for operators. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AttemptView> allAttemptsOf(String requestId) {
        return em.createNamedQuery(DeliveryAttempt.ALL_OF_REQUEST, DeliveryAttempt.class).setParameter("request", requestId)
                .getResultStream().map(AttemptView::of).toList();
    }

    /** Deliveries that gave up, newest first, across all clients: for operators. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryView> dead(int limit) {
        return em.createNamedQuery(Delivery.DEAD, Delivery.class).setMaxResults(limit).getResultStream()
                .map(DeliveryView::of).toList();
    }

    /**
     * Owes a delivery once more, whatever became of it, to whomever it went: an operator's replay.
     * Answers the new delivery, which keeps the old one's kind, address and event.
     */
    public DeliveryView replayDelivery(String deliveryId) {
        Instant now = clock.instant();
        Delivery delivery = Optional.ofNullable(deliveryId == null ? null : em.find(Delivery.class, deliveryId))
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No such delivery"));
        Delivery again = delivery.again(now);
        em.persist(again);
        audit.done("delivery.replay", new Audit.Target("delivery", deliveryId), null, now);
        return DeliveryView.of(again);
    }

    /** Owes the event's callback again, delivered or dead; answers the new delivery. */
    public DeliveryView replay(String eventId, String callerPartyId) {
        Event event = ownEvent(eventId, callerPartyId);
        PaymentRequest request = em.find(PaymentRequest.class, event.requestId());
        String url = request.notifyUrl().orElseThrow(() -> ErrorCode.INVALID_DATA.exception(
                "event: its payment request has no notify_url to deliver to"));
        if (event.status() == RequestStatus.PENDING) {
            throw ErrorCode.INVALID_DATA.exception("event: a creation is not delivered as a callback");
        }
        Instant now = clock.instant();
        Delivery delivery = Delivery.toNotifyUrl(event, url, now);
        em.persist(delivery);
        audit.done("event.replay", Audit.Target.event(eventId), null, now);
        return DeliveryView.of(delivery);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DeliveryView> deliveriesOf(String eventId, String callerPartyId) {
        Event event = ownEvent(eventId, callerPartyId);
        return em.createNamedQuery(Delivery.OF_EVENT, Delivery.class).setParameter("event", event.id())
                .setParameter("party", callerPartyId).getResultStream().map(DeliveryView::of).toList();
    }

    /** The caller's events, newest first, below {@code beforeSequence}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public EventPage page(String callerPartyId, long beforeSequence, int limit) {
        List<EventView> found = em.createNamedQuery(Event.OF_PARTY, Event.class).setParameter("party", callerPartyId)
                .setParameter("before", beforeSequence).setMaxResults(limit + 1).getResultStream().map(EventView::of)
                .toList();
        if (found.size() <= limit) {
            return new EventPage(found, Optional.empty());
        }
        List<EventView> page = List.copyOf(found.subList(0, limit));
        return new EventPage(page, Optional.of(page.get(limit - 1).sequence()));
    }

    private Event ownEvent(String eventId, String callerPartyId) {
        return Optional.ofNullable(eventId == null ? null : em.find(Event.class, eventId))
                .filter(event -> event.partyId().equals(callerPartyId))
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No such event"));
    }
}
