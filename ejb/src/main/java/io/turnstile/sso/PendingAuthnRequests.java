package io.turnstile.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.security.SecureRandom;

/**
 * {@link AuthnRequestTracker} in this process's memory (tests and tools; the server uses {@link SamlStateBean}).
 * AuthnRequest ids this SP sent and not yet answered, per SSO domain, so an SP-initiated response's
 * {@code InResponseTo} can be checked (SAML profiles §4.1.4.3) and used once. Bounded and time-limited: the oldest
 * request is dropped when full, an unanswered one expires after {@code ttl}.
 */
public final class PendingAuthnRequests implements AuthnRequestTracker {

    private record Pending(String domain, Instant expires) { }

    private final Clock clock;
    private final SecureRandom random;
    private final Duration ttl;
    private final int maxEntries;
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    public PendingAuthnRequests(Clock clock, SecureRandom random, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.random = random;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized String issue(String domain) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        String id = "_" + HexFormat.of().formatHex(b);
        purge();
        while (pending.size() >= maxEntries) {
            pending.remove(pending.keySet().iterator().next());
        }
        pending.put(id, new Pending(domain, clock.instant().plus(ttl)));
        return id;
    }

    @Override
    public synchronized boolean consume(String domain, String id) {
        purge();
        Pending p = pending.get(id);
        if (p == null || !p.domain.equals(domain)) {
            return false;
        }
        pending.remove(id);
        return true;
    }

    private void purge() {
        Instant now = clock.instant();
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> e = it.next();
            if (!e.getValue().expires.isAfter(now)) {
                it.remove();
            } else {
                break;   // insertion order is expiry order (constant ttl)
            }
        }
    }
}
