package api.pantheon.payments.events.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The JMS queue that feeds deliveries to {@code DeliveryWorker}. The ActiveMQ adapter lacks JMS 2.0's
 * simplified API, so this uses the classic connection and session. Sends happen outside any
 * transaction: the database row, not the message, is the record that a delivery is owed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryQueue {

    public static final String ADAPTER = "activemq-rar";
    public static final String CONNECTION_FACTORY = "java:app/jms/payments";
    public static final String QUEUE = "java:app/jms/deliveries";
    public static final String PHYSICAL_NAME = "payments.deliveries";
    /** How many messages the workers take at once (the message-driven bean's sessions). */
    public static final String WORKERS = "16";
    private static final String SEPARATOR = " ";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = QUEUE)
    Queue queue;

    /**
     * Splits each receiver's deliveries into messages: as many as there are workers, so that a burst to one
     * receiver is posted in parallel, but of between {@code fewest} and {@code most} deliveries each, so that
     * a large backlog costs few transactions.
     */
    public static List<List<String>> messagesOf(Collection<List<String>> byReceiver, int fewest, int most) {
        List<List<String>> messages = new ArrayList<>();
        int workers = Integer.parseInt(WORKERS);
        for (List<String> ids : byReceiver) {
            int size = Math.max(fewest, Math.min(most, (ids.size() + workers - 1) / workers));
            for (int from = 0; from < ids.size(); from += size) {
                messages.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
            }
        }
        return messages;
    }

    /** One message for each group of deliveries: a worker takes a group's deliveries together. */
    public void send(List<List<String>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            for (List<String> deliveryIds : groups) {
                producer.send(session.createTextMessage(String.join(SEPARATOR, deliveryIds)));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue deliveries", e);
        }
    }

    /** The deliveries a message names. */
    public static List<String> deliveryIdsIn(Message message) {
        String text;
        try {
            text = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("not a delivery message", e);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("a delivery message naming no delivery");
        }
        return List.of(text.split(SEPARATOR));
    }
}
