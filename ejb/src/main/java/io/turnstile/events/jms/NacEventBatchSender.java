package io.turnstile.events.jms;

import io.turnstile.events.NacEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import java.util.List;

/**
 * Sends one batch of NAC events as one persistent JMS text message ({@link NacEventBatchCodec}) on
 * {@value NacEventQueue#QUEUE}, in a transaction of its own: the send is committed (journaled by the broker) when this
 * returns, and throws if it was not. Called by {@link JmsNacEventPublisher}'s drainer, never on the RADIUS path.
 *
 * <p>The connection factory's user and password come from {@code TURNSTILE_JMS_USER} / {@code TURNSTILE_JMS_PASSWORD}
 * (Payara expands {@code ${ENV=...}} in the definition). The resource adapter's own UserName/Password reach only the
 * MDB activations: the pool signs on with the definition's user, and with none an external broker that requires login
 * refuses every send (AMQ229031). The embedded broker has security off and ignores them.
 */
@Stateless
@JMSConnectionFactoryDefinition(name = NacEventQueue.CONNECTION_FACTORY,
        resourceAdapter = NacEventQueue.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.ConnectionFactory",
        transactional = true,
        user = "${ENV=TURNSTILE_JMS_USER}",
        password = "${ENV=TURNSTILE_JMS_PASSWORD}",
        minPoolSize = 1,
        maxPoolSize = 8)
@JMSDestinationDefinition(name = NacEventQueue.QUEUE_JNDI,
        resourceAdapter = NacEventQueue.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Queue",
        destinationName = NacEventQueue.QUEUE,
        properties = "Address=" + NacEventQueue.QUEUE)
public class NacEventBatchSender {

    /** Message property: events in the batch (for operators browsing the queue or the DLQ). */
    static final String EVENT_COUNT = "TurnstileEventCount";

    @Resource(lookup = NacEventQueue.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = NacEventQueue.QUEUE_JNDI)
    Queue queue;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(List<NacEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String body = NacEventBatchCodec.encode(batch);
        try (JMSContext jms = connectionFactory.createContext()) {
            TextMessage message = jms.createTextMessage(body);
            message.setIntProperty(EVENT_COUNT, batch.size());
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("NAC event batch not sent: " + e.getMessage(), null, e);
        }
    }
}
