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
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Delivers what the queue names: takes the delivery, has the dialect that owns its kind write and sign
 * it, sends it, and records the outcome. The send runs outside any transaction; taking the delivery and
 * recording the outcome are transactions of their own. A failure to reach the database is rethrown,
 * so the broker redelivers the message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = DeliveryQueue.PHYSICAL_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = DeliveryQueue.ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "16")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

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
        String deliveryId;
        try {
            deliveryId = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("not a delivery message", e);
        }
        Optional<DeliveryFacts> taken = events.start(deliveryId);
        if (taken.isEmpty()) {
            return;
        }
        DeliveryFacts facts = taken.get();
        if (!facts.kind().isMail() && facts.secret().isEmpty()) {
            // Its party holds no active key (all revoked) to sign with; tried again on the retry schedule, so
            // that a key issued meanwhile lets it go, and dead at the end of it like any other failure.
            events.finish(deliveryId, new DeliveryOutcome(facts.now(), null, "no active API key to sign it with", 0));
            return;
        }
        Optional<DeliveryFormat> format = formats.of(facts.kind());
        if (format.isEmpty()) {
            // Only while the application starts, before the dialects have registered their formats.
            LOG.info(() -> "No format for " + facts.kind() + " deliveries yet; delivery " + deliveryId + " waits");
            events.postpone(deliveryId);
            return;
        }
        events.finish(deliveryId, send(facts, format.get().render(facts)));
    }

    private DeliveryOutcome send(DeliveryFacts facts, Rendered rendered) {
        if (facts.kind().isMail()) {
            return mail.send(facts.url(), rendered.subject().orElse(""), rendered.body());
        }
        return webhooks.post(facts.url(), facts.event().id(), rendered.headers(), rendered.body());
    }
}
