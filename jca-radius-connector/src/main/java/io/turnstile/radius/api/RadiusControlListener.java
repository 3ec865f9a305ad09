package io.turnstile.radius.api;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Second message-listener interface of the adapter: how the adapter asks the application which NAS a source address
 * is (the client table lives in the database and changes at run time), and how it reports listener state. The adapter
 * caches answers briefly, so a client table change applies within the cache's time-to-live without a restart.
 */
public interface RadiusControlListener {

    /** The RADIUS client configured for this source address (exact IP first, then the longest matching subnet). */
    Optional<NasClient> resolveClient(InetAddress source);

    /**
     * The RADIUS client a RadSec peer is, once its certificate chain has been verified against
     * {@link RadsecCredentials#trustedCas()}: the organisation whose CA (or trusted RadSec CA) issued it. Empty refuses
     * the connection. The shared secret of a RadSec client is "radsec" (RFC 6614 §2.3).
     */
    Optional<NasClient> resolveRadsecClient(List<X509Certificate> peerChain, InetAddress source);

    /** Current RadSec server credentials; empty while the PKI is not ready (the listener then refuses handshakes). */
    Optional<RadsecCredentials> radsecCredentials();

    /** Called after a listener is bound, fails to bind, or is closed. */
    void listenerStateChanged(ListenerState state);

    /**
     * The adapter's counters (received, answered, duplicates answered, dropped by reason, e.g. "dropped.malformed"),
     * pushed every few seconds so the application can publish them as metrics.
     */
    void adapterStatistics(Map<String, Long> counters);
}
