package io.turnstile.events.jms;

import io.turnstile.events.NacEvent;
import io.turnstile.events.NacEventWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes NAC event batches from {@value NacEventQueue#QUEUE} (through the turnstile-jms Artemis adapter) and writes
 * each with {@link NacEventWriter#writeBatch} inside the delivery's transaction: the insert and the message
 * acknowledgement commit together, and a failed insert rolls back, so the broker redelivers the batch (delay 1 s,
 * doubling, at most 60 s). After {@value NacEventQueue#MAX_DELIVERY_ATTEMPTS} deliveries the broker moves it to
 * {@value NacEventQueue#DEAD_LETTER_QUEUE}; the last attempt is logged and counted ({@code turnstile.events.dead_lettered}).
 *
 * <p>So that one bad event cannot take a whole batch to the dead-letter queue, a batch of several events that comes
 * back (delivery 2 or later) is not written but split: each event is re-sent as a message of its own, in the same
 * transaction as the acknowledgement ({@code turnstile.events.split}). Each single then succeeds or is redelivered and
 * dead-lettered on its own.
 *
 * <p>A body that is not a batch ({@link NacEventBatchCodec.MalformedBatchException}, or not a text message) is poison:
 * redelivery cannot repair it, so it is counted ({@code turnstile.events.poison}), logged and consumed.
 */
@MessageDriven(name = "NacEventMdb", activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = NacEventQueue.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = NacEventQueue.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class NacEventMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NacEventMdb.class.getName());

    @EJB
    NacEventWriter writer;

    @Resource
    MessageDrivenContext context;

    @Resource(lookup = NacEventQueue.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = NacEventQueue.QUEUE_JNDI)
    Queue queue;

    @Inject
    MetricRegistry metrics;

    private Counter written;
    private Counter poison;
    private Counter redelivered;
    private Counter deadLettered;
    private Counter split;

    @PostConstruct
    void init() {
        written = metrics.counter("turnstile.events.written");
        poison = metrics.counter("turnstile.events.poison");
        redelivered = metrics.counter("turnstile.events.redelivered");
        deadLettered = metrics.counter("turnstile.events.dead_lettered");
        split = metrics.counter("turnstile.events.split");
    }

    @Override
    public void onMessage(Message message) {
        List<NacEvent> events;
        try {
            events = decode(message);
        } catch (NacEventBatchCodec.MalformedBatchException | JMSException e) {
            poison.inc();
            LOG.warning(() -> "poison message on " + NacEventQueue.QUEUE + " dropped (" + id(message) + "): "
                    + e.getMessage());
            return; // consumed: a malformed body stays malformed
        }
        int delivery = deliveryCount(message);
        if (delivery > 1 && events.size() > 1) {
            split(events, message);
            return;
        }
        try {
            writer.writeBatch(events);
            written.inc(events.size());
        } catch (RuntimeException e) {
            context.setRollbackOnly(); // the broker redelivers, then dead-letters
            if (delivery >= NacEventQueue.MAX_DELIVERY_ATTEMPTS) {
                deadLettered.inc(events.size());
                LOG.log(Level.SEVERE, "NAC event batch of " + events.size() + " (" + id(message) + ") failed "
                        + delivery + " times and goes to " + NacEventQueue.DEAD_LETTER_QUEUE, e);
            } else {
                redelivered.inc();
                LOG.log(delivery == 1 ? Level.WARNING : Level.FINE, "NAC event batch of " + events.size()
                        + " not written (delivery " + delivery + "), will be redelivered: " + e.getMessage(), e);
            }
        }
    }

    /** Re-sends each event as a message of its own, committed with this delivery's acknowledgement. */
    private void split(List<NacEvent> events, Message message) {
        try (JMSContext jms = connectionFactory.createContext()) {
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (NacEvent e : events) {
                TextMessage single = jms.createTextMessage(NacEventBatchCodec.encode(List.of(e)));
                single.setIntProperty(NacEventBatchSender.EVENT_COUNT, 1);
                producer.send(queue, single);
            }
            split.inc();
            LOG.info(() -> "NAC event batch of " + events.size() + " (" + id(message) + ") came back: split into"
                    + " single-event messages");
        } catch (JMSException | RuntimeException e) {
            context.setRollbackOnly();
            redelivered.inc();
            LOG.log(Level.WARNING, "NAC event batch of " + events.size() + " could not be split, will be redelivered",
                    e);
        }
    }

    static List<NacEvent> decode(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new NacEventBatchCodec.MalformedBatchException("not a text message: "
                    + (message == null ? null : message.getClass().getSimpleName()));
        }
        return NacEventBatchCodec.decode(text.getText());
    }

    private static int deliveryCount(Message m) {
        try {
            return m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException | RuntimeException e) {
            return 1;
        }
    }

    private static String id(Message m) {
        try {
            return m == null ? "no message" : m.getJMSMessageID();
        } catch (JMSException e) {
            return "no id";
        }
    }
}
