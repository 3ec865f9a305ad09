package io.turnstile.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.turnstile.persistence.sso.SamlStateStore;

/**
 * The SAML SP's replay check and pending AuthnRequests in the database ({@code saml_assertion_used},
 * {@code saml_authn_request}, Flyway V17), so that every cluster node sees them: a replay to another node is refused
 * and an SP-initiated response may land on any node. Same bounds as the in-memory versions: when full of unexpired
 * assertion ids it refuses new ones rather than forgetting (forgetting would re-open replay); the oldest pending
 * request is dropped when full. Expired rows are purged at each use. Each call works on its own connection; the
 * caller decides the transaction ({@link SamlStateBean}: a new one, so a consumed id stays consumed).
 */
public final class DatabaseSamlState implements AssertionReplayCheck, AuthnRequestTracker {

    /** Longest assertion id stored as is; a longer (still signed) one is stored as its SHA-256. */
    static final int MAX_ID_LENGTH = 256;

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration pendingTtl;
    private final int maxAssertions;
    private final int maxPending;

    public DatabaseSamlState(DataSource dataSource, Clock clock, SecureRandom random, Duration pendingTtl,
                             int maxAssertions, int maxPending) {
        if (maxAssertions < 1 || maxPending < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.random = random;
        this.pendingTtl = pendingTtl;
        this.maxAssertions = maxAssertions;
        this.maxPending = maxPending;
    }

    @Override
    public Use firstUse(String assertionId, Instant expires) {
        Instant now = clock.instant();
        long keepUntil = (expires.isAfter(now) ? expires : now).toEpochMilli();
        String key = key(assertionId);
        try (Connection c = dataSource.getConnection()) {
            SamlStateStore store = new SamlStateStore(c);
            store.deleteExpired(now.toEpochMilli());
            if (store.assertionKnown(key)) {
                return Use.REPLAYED;
            }
            if (store.countAssertions() >= maxAssertions) {
                return Use.FULL;
            }
            // The primary key decides between two nodes checking the same id at once.
            return store.insertAssertion(key, keepUntil) ? Use.FIRST : Use.REPLAYED;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the assertion replay store: " + e.getMessage(), e);
        }
    }

    @Override
    public String issue(String domain) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        String id = "_" + HexFormat.of().formatHex(b);
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            SamlStateStore store = new SamlStateStore(c);
            store.deleteExpired(now);
            long excess = store.countAuthnRequests() - maxPending + 1;
            if (excess > 0) {
                store.deleteOldestAuthnRequests((int) Math.min(excess, Integer.MAX_VALUE));
            }
            store.insertAuthnRequest(id, domain, now + pendingTtl.toMillis());
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the AuthnRequest: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean consume(String domain, String id) {
        if (id == null || id.length() > 64) {
            return false;   // not one of ours: issue() makes 41 characters
        }
        try (Connection c = dataSource.getConnection()) {
            return new SamlStateStore(c).consumeAuthnRequest(id, domain, clock.millis());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pending AuthnRequests: " + e.getMessage(), e);
        }
    }

    static String key(String assertionId) {
        if (assertionId.length() <= MAX_ID_LENGTH) {
            return assertionId;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(assertionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
