package io.turnstile.eap;

/** One method exchange within a conversation; not thread-safe (the engine serialises calls per conversation). */
public interface EapMethodSession {

    /** The first Request's Type-Data (e.g. EAP-TLS Start). */
    MethodStep start();

    /** The next step after a Response of this method's type, given its Type-Data. */
    MethodStep process(byte[] typeData);

    /** Releases what the session holds (TLS state); called once the conversation ends or is evicted. */
    default void close() {
    }
}
