package io.turnstile.eap;

/**
 * The server side of one EAP conversation between RADIUS round trips (RFC 3579 §2.6.1: the State attribute ties the
 * Access-Requests of a conversation together). Mutable; callers hold its monitor while they use it.
 */
final class EapConversation {

    final String stateKey;
    final String nasKey;
    final String orgId;
    volatile long lastSeenMillis;

    String identity;
    /** Calling-Station-Id and NAS address of the first request, for the methods' events. */
    String mac;
    String nasIp;
    EapMethod method;
    EapMethodSession session;
    /** Identifier of the last Request sent; the next Response must carry it (RFC 3748 §4.1). */
    int requestIdentifier = -1;
    boolean closed;

    EapConversation(String stateKey, String nasKey, String orgId, long now) {
        this.stateKey = stateKey;
        this.nasKey = nasKey;
        this.orgId = orgId;
        this.lastSeenMillis = now;
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            if (session != null) {
                session.close();
            }
        }
    }
}
