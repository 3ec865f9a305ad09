package io.turnstile.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The DNS name in the server certificate: config {@code turnstile.server.name} (env {@code TURNSTILE_SERVER_NAME}) or
 * else {@code auth.} + the machine's host name, lower-case. A configured name must be a DNS host name without wildcard;
 * cluster nodes must be configured with the same name (otherwise each would renew the shared certificate).
 */
public final class ServerName {

    private static final Logger LOG = Logger.getLogger(ServerName.class.getName());
    static final String FALLBACK = "auth.localhost";

    private ServerName() {
    }

    /**
     * @throws IllegalArgumentException if the configured name is not a DNS host name or is a wildcard
     */
    public static String resolve(Optional<String> configured, Supplier<String> hostName) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return CertificateIssuer.checkServerName(configured.get());
        }
        String host = hostName.get();
        String candidate = "auth." + (host == null ? "" : host.strip().toLowerCase(Locale.ROOT));
        try {
            return CertificateIssuer.checkServerName(candidate);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "The host name " + host + " gives no valid server name; using " + FALLBACK
                    + ". Set TURNSTILE_SERVER_NAME.");
            return FALLBACK;
        }
    }

    /** The local host name, or {@code localhost} if it cannot be found. */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
