package io.turnstile.sso;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.turnstile.persistence.sso.SsoFailureStore;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Stores login attempts in {@code sso_failure}. Recording runs in its own transaction, so a failure is kept even
 * when the login's other work rolls back.
 */
@Stateless
public class SsoFailureLogBean implements SsoFailureLog {

    /** Longest detail kept; the full response is in saml_xml. */
    static final int MAX_DETAIL = 2000;

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(SamlSsoConfig sso, SamlLoginFailure failure) {
        insert(sso, false, failure.reason().name(), failure.describe(), failure.receivedXml(), null);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSuccess(SamlSsoConfig sso, SamlLogin login) {
        if (sso.keepAssertions()) {
            insert(sso, true, "SUCCESS", "Login succeeded (diagnostic): " + login.nameId() + ", roles " + login.roles(),
                    login.receivedXml(), clock.millis() + DIAGNOSTIC_KEEP.toMillis());
        }
    }

    private void insert(SamlSsoConfig sso, boolean success, String reason, String detail, String xml, Long expires) {
        long now = clock.millis();
        String d = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        try (Connection c = dataSource.getConnection()) {
            SsoFailureStore store = new SsoFailureStore(c);
            store.deleteExpired(now);
            store.insert(new SsoFailureStore.Row(UUID.randomUUID().toString(), sso.orgId(), sso.ssoId(), now, success,
                    reason, d, xml, expires));
        } catch (SQLException e) {
            throw new EJBException("cannot record SSO login: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Entry> list(String orgId, String ssoId, long fromMillis, long toMillis, int limit, int page) {
        try (Connection c = dataSource.getConnection()) {
            return new SsoFailureStore(c).list(orgId, ssoId, fromMillis, toMillis, clock.millis(), limit,
                    (long) (page - 1) * limit).stream()
                    .map(r -> new Entry(r.ts() / 1000.0, r.detail(), r.samlXml(), r.success())).toList();
        } catch (SQLException e) {
            throw new EJBException("cannot list SSO failures: " + e.getMessage(), e);
        }
    }
}
