package io.turnstile.radius.api;

import java.net.InetSocketAddress;

/**
 * State of one socket listener owned by the resource adapter, reported to the application so that its readiness check
 * can say whether RADIUS is actually being served.
 *
 * @param name     "auth", "acct" or "radsec"
 * @param address  where it is bound (or was meant to be)
 * @param bound    true while the socket is open
 * @param error    why binding failed, or null
 */
public record ListenerState(String name, Transport transport, InetSocketAddress address, boolean bound, String error) {
}
