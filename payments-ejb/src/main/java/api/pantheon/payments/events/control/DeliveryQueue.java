package api.pantheon.payments.events.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
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

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void send(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return;
        }
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(queue);
            for (String id : deliveryIds) {
                TextMessage message = session.createTextMessage(id);
                producer.send(message);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue deliveries", e);
        }
    }
}
