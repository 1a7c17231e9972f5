package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.control.DeliveryOutcome;
import api.pantheon.payments.events.control.DeliveryQueue;
import api.pantheon.payments.events.control.MailSender;
import api.pantheon.payments.events.control.WebhookSender;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Delivers what a message names, a few deliveries to one receiver: takes them, has the dialect that owns
 * each one's kind write and sign it, sends them one after another, and records the outcomes. The sends
 * run outside any transaction; taking the deliveries and recording the outcomes are a transaction each,
 * for the whole message. A failure to reach the database is rethrown, so the broker redelivers the message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = DeliveryQueue.PHYSICAL_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = DeliveryQueue.ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = DeliveryQueue.WORKERS)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    /**
     * How long a worker sends a message's deliveries before it hands the rest back, owed again at once:
     * they all go to one receiver, and when that one is slow, their claims must not outlive the stale
     * limit (nor hold the worker much longer than one send's time-outs).
     */
    private static final Duration SENDING_TIME = Duration.ofSeconds(10);

    /** Elapsed time, for the sending time's bound; a test moves it on. */
    LongSupplier nanoTime = System::nanoTime;

    @Inject
    Events events;

    @Inject
    DeliveryFormats formats;

    @Inject
    WebhookSender webhooks;

    @Inject
    MailSender mail;

    @Override
    public void onMessage(Message message) {
        List<DeliveryFacts> taken = events.start(DeliveryQueue.deliveryIdsIn(message));
        if (taken.isEmpty()) {
            return;
        }
        long giveUpAt = nanoTime.getAsLong() + SENDING_TIME.toNanos();
        Map<String, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        List<String> notSent = new ArrayList<>();
        for (DeliveryFacts facts : taken) {
            Optional<DeliveryFormat> format = formats.of(facts.kind());
            if (nanoTime.getAsLong() - giveUpAt > 0) {
                notSent.add(facts.deliveryId());
            } else if (!facts.kind().isMail() && facts.secret().isEmpty()) {
                // Its party holds no active key (all revoked) to sign with; tried again on the retry schedule, so
                // that a key issued meanwhile lets it go, and dead at the end of it like any other failure.
                outcomes.put(facts.deliveryId(), new DeliveryOutcome(facts.now(), null, "no active API key to sign it with", 0));
            } else if (format.isEmpty()) {
                // Only while the application starts, before the dialects have registered their formats.
                LOG.info(() -> "No format for " + facts.kind() + " deliveries yet; delivery " + facts.deliveryId() + " waits");
                notSent.add(facts.deliveryId());
            } else {
                outcomes.put(facts.deliveryId(), send(facts, format.get().render(facts)));
            }
        }
        events.finish(outcomes, notSent);
    }

    private DeliveryOutcome send(DeliveryFacts facts, Rendered rendered) {
        if (facts.kind().isMail()) {
            return mail.send(facts.url(), rendered.subject().orElse(""), rendered.body());
        }
        return webhooks.post(facts.url(), facts.event().id(), rendered.headers(), rendered.body());
    }
}
