package api.pantheon.payments.events.control;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;

/**
 * Declares the application's JMS connection factory and delivery queue on the ActiveMQ resource
 * adapter, which run.sh (and the integration tests) deploy before the application.
 */
@Singleton
@ConnectionFactoryDefinition(
        name = DeliveryQueue.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = DeliveryQueue.ADAPTER,
        maxPoolSize = 32,
        minPoolSize = 1)
@AdministeredObjectDefinition(
        name = DeliveryQueue.QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.command.ActiveMQQueue",
        resourceAdapter = DeliveryQueue.ADAPTER,
        properties = "PhysicalName=" + DeliveryQueue.PHYSICAL_NAME)
public class JmsResources {
}
