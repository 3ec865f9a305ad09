package io.turnstile.events.jms;

/** Names shared by the broker, the publisher and the MDB. */
public final class NacEventQueue {

    /** Module name of the Artemis RAR (jms-artemis-rar, deployed as turnstile-jms.rar). */
    public static final String RESOURCE_ADAPTER = "turnstile-jms";
    public static final String CONNECTION_FACTORY = "java:app/jms/turnstile";
    public static final String QUEUE_JNDI = "java:app/jms/nacEvents";
    /** Anycast address and queue of the event batches. */
    public static final String QUEUE = "turnstile.nac-events";
    /** Where the broker moves a batch after {@link #MAX_DELIVERY_ATTEMPTS} failed deliveries. */
    public static final String DEAD_LETTER_QUEUE = "turnstile.nac-events.dlq";
    /** Embedded broker setting; configure the same max-delivery-attempts on an external broker. */
    public static final int MAX_DELIVERY_ATTEMPTS = 10;

    private NacEventQueue() {
    }
}
