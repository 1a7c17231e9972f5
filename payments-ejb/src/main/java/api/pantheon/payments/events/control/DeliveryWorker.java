package api.pantheon.payments.events.control;

import api.pantheon.payments.channels.control.Channels;
import api.pantheon.payments.channels.control.MailSender;
import api.pantheon.payments.channels.control.RequestMessage;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.boundary.Outgoing;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.util.Optional;

/**
 * Delivers what the queue names. The HTTP call runs outside any transaction; taking the delivery
 * and recording the outcome are transactions of their own. A failure to reach the database is
 * rethrown, so the broker redelivers the message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = DeliveryQueue.PHYSICAL_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = DeliveryQueue.ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "16")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryWorker implements MessageListener {

    @Inject
    Events events;

    @Inject
    WebhookSender webhooks;

    @Inject
    MailSender mail;

    @Inject
    Channels channels;

    @Inject
    Clock clock;

    @Override
    public void onMessage(Message message) {
        String deliveryId;
        try {
            deliveryId = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("not a delivery message", e);
        }
        Optional<Outgoing> outgoing = events.start(deliveryId);
        if (outgoing.isEmpty()) {
            return;
        }
        Outgoing delivery = outgoing.get();
        events.finish(delivery.deliveryId(), send(delivery));
    }

    private DeliveryOutcome send(Outgoing delivery) {
        if (delivery.channel().isEmpty()) {
            return webhooks.post(delivery.url(), delivery.eventId(), null, delivery.subjectOrSignature(), delivery.body());
        }
        String channel = delivery.channel().get();
        if (Channels.EMAIL.equals(channel)) {
            return mail.send(delivery.url(), delivery.subjectOrSignature(), delivery.body());
        }
        String signature = RequestMessage.signature(channels.gatewaySecret(channel), clock.instant().getEpochSecond(),
                delivery.body());
        return webhooks.post(delivery.url(), delivery.eventId(), signature, null, delivery.body());
    }
}
