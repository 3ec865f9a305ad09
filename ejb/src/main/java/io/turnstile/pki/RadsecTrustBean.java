package io.turnstile.pki;

import io.turnstile.org.SettingService;
import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadsecCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link RadsecTrust} from the organisation PKI, for the (single, for now) first-created organisation: its server key
 * and chain [server, CA], and as trusted CAs its own CA plus its {@code radsec.cacerts}. Peers are matched against
 * every organisation's trusted CAs by {@link RadsecPeerMatcher}.
 *
 * <p>Everything is held in an immutable snapshot, reloaded when older than {@link #REFRESH_MILLIS} or when the PKI
 * announces a change ({@link PkiChanged}); a setting change applies at the next reload. Only one thread reloads; the
 * others keep answering from the previous snapshot. If a reload fails, the previous snapshot stays in use and the
 * reload is retried after {@link #RETRY_MILLIS}.
 */
@ApplicationScoped
public class RadsecTrustBean implements RadsecTrust {

    private static final Logger LOG = Logger.getLogger(RadsecTrustBean.class.getName());

    static final long REFRESH_MILLIS = 60_000;
    static final long RETRY_MILLIS = 5_000;
    /** RFC 6614 §2.3: the shared secret of RADIUS over TLS is "radsec". */
    static final byte[] RADSEC_SECRET = "radsec".getBytes(StandardCharsets.US_ASCII);
    static final String CLUSTER = "radsec";
    static final String VENDOR = "generic";

    private record Snapshot(Optional<RadsecCredentials> credentials, List<RadsecPeerMatcher.OrgTrust> trust,
                            long refreshAt) {
        Snapshot retryAt(long at) {
            return new Snapshot(credentials, trust, at);
        }
    }

    @Inject
    OrgCertificateAuthority authority;

    @Inject
    SettingService settings;

    @Inject
    Clock clock;

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();

    /** For CDI. */
    protected RadsecTrustBean() {
    }

    /** For tests. */
    RadsecTrustBean(OrgCertificateAuthority authority, SettingService settings, Clock clock) {
        this.authority = authority;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<RadsecCredentials> credentials() {
        return current().credentials();
    }

    @Override
    public Optional<NasClient> resolvePeer(List<X509Certificate> peerChain, InetAddress source) {
        RadsecPeerMatcher.Match match = RadsecPeerMatcher.match(peerChain, current().trust(), clock.instant());
        if (!match.isAccepted()) {
            LOG.fine(() -> "RadSec peer " + (source == null ? "?" : source.getHostAddress()) + " refused: "
                    + match.reason());
            return Optional.empty();
        }
        return Optional.of(new NasClient(match.orgId(), CLUSTER, "radsec:" + match.commonName(), RADSEC_SECRET, VENDOR,
                null, false));
    }

    /** Drops the snapshot's freshness once a PKI change has committed, so the next call reloads. */
    void onPkiChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PkiChanged change) {
        invalidate();
    }

    void invalidate() {
        snapshot.updateAndGet(s -> s == null ? null : s.retryAt(0));
    }

    private Snapshot current() {
        Snapshot s = snapshot.get();
        long now = clock.millis();
        if (s != null && now < s.refreshAt()) {
            return s;
        }
        if (s != null) {
            if (!reloading.tryLock()) {
                return s;
            }
        } else {
            reloading.lock();
        }
        try {
            Snapshot latest = snapshot.get();
            if (latest != null && now < latest.refreshAt()) {
                return latest;
            }
            Snapshot fresh = load(latest, now);
            snapshot.set(fresh);
            return fresh;
        } finally {
            reloading.unlock();
        }
    }

    private Snapshot load(Snapshot previous, long now) {
        try {
            List<RadsecPeerMatcher.OrgTrust> trust = new ArrayList<>();
            for (OrgCertificateAuthority.OrgCa ca : authority.organisationCas()) {
                List<X509Certificate> cas = new ArrayList<>();
                cas.add(ca.certificate());
                cas.addAll(settings.radsecTrustedCas(ca.orgId()));
                trust.add(new RadsecPeerMatcher.OrgTrust(ca.orgId(), cas));
            }
            Optional<RadsecCredentials> credentials = Optional.empty();
            if (!trust.isEmpty()) {
                RadsecPeerMatcher.OrgTrust first = trust.get(0);
                CertifiedKey server = authority.serverCredentials(first.orgId());
                credentials = Optional.of(new RadsecCredentials(server.key(), server.chain(), first.trustedCas()));
            }
            return new Snapshot(credentials, List.copyOf(trust), now + REFRESH_MILLIS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RadSec credentials cannot be loaded; retrying in " + RETRY_MILLIS / 1000 + " s", e);
            return previous == null ? new Snapshot(Optional.empty(), List.of(), now + RETRY_MILLIS)
                    : previous.retryAt(now + RETRY_MILLIS);
        }
    }
}
