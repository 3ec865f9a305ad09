package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.turnstile.platform.TestDatabase;
import io.turnstile.sso.SamlLoginFailure.Reason;

/** The ACS flow end to end below the servlet: directory, validator, role matching, failure log (V16 on H2). */
class SsoLoginServiceTest {

    static final String BASE = "https://nac.example.test";
    final Clock clock = Clock.fixed(SamlResponseValidatorTest.NOW, ZoneOffset.UTC);
    final TestDatabase db = new TestDatabase();
    final InMemorySsoDirectory directory = new InMemorySsoDirectory();
    final SsoLoginServiceBean service = new SsoLoginServiceBean();
    URI sinkTarget = URI.create("/console/");

    SsoLoginServiceTest() {
        SamlEngine engine = new SamlEngine();
        engine.clock = clock;
        // The server's shared SAML state (V17 on H2), as every cluster node sees it.
        DatabaseSamlState state = new DatabaseSamlState(dataSource(), clock, new SecureRandom(),
                java.time.Duration.ofMinutes(15), 1000, 100);
        engine.replayCheck = state;
        engine.pendingRequests = state;
        engine.init();
        SsoFailureLogBean log = new SsoFailureLogBean();
        log.clock = clock;
        log.dataSource = dataSource();
        service.directory = directory;
        service.engine = engine;
        service.failureLog = log;
        service.sink = new SsoLoginSink() {
            @Override
            public Admitted loginSucceeded(SamlSsoConfig sso, SamlLogin login, RoleMatch.Granted grant, String previous) {
                if (login.nameId().startsWith("local")) {
                    throw new io.turnstile.admin.LoginRefusedException("this email is a local admin account");
                }
                return new Admitted(sinkTarget, null);
            }

            @Override
            public void loggedOut(String sessionKey) {
            }
        };
        directory.register(SamlResponseValidatorTest.config("s4t5vwv8", SamlSsoConfig.SignAlgo.SHA256, false));
        directory.ssoRoles("org1", List.of(new SsoRole("r1", "netadmin",
                List.of(new SsoPrivilege("org", "admin", null, null, null)))));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    DataSource dataSource() {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        Connection c = DriverManager.getConnection(db.url, db.user, db.password);
                        c.setAutoCommit(true);
                        return c;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    String post(TestIdp.Spec s) {
        var d = TestIdp.parse(SamlResponseValidatorTest.IDP.xml(s));
        SamlResponseValidatorTest.IDP.sign(TestIdp.assertion(d), SamlSsoConfig.SignAlgo.SHA256);
        return Base64.getEncoder().encodeToString(TestIdp.bytes(d));
    }

    TestIdp.Spec spec() {
        return new TestIdp.Spec(SpEndpoints.of(BASE, "s4t5vwv8"), SamlResponseValidatorTest.NOW);
    }

    @Test
    void validLoginProceedsWhereTheSinkSays() {
        var r = assertInstanceOf(SsoLoginService.AcsResult.Proceed.class, service.acs("s4t5vwv8", BASE, post(spec()), null));
        assertEquals(sinkTarget, r.location());
        assertTrue(service.failures("org1", "sso-s4t5vwv8", 0, Long.MAX_VALUE, 100, 1).orElseThrow().isEmpty());
    }

    @Test
    void failuresAreStoredWithReasonAndAssertionAndListed() {
        TestIdp.Spec expired = spec();
        expired.notOnOrAfter = SamlResponseValidatorTest.NOW.minusSeconds(3600);
        var refused = assertInstanceOf(SsoLoginService.AcsResult.Refused.class, service.acs("s4t5vwv8", BASE, post(expired), null));
        assertEquals(Reason.EXPIRED, refused.failure().reason());
        assertFalse(refused.unknownSso());

        TestIdp.Spec ghostRole = spec();
        ghostRole.assertionId = "_assert2";
        ghostRole.attr("Role", "netadmin", "ghost");
        var denied = assertInstanceOf(SsoLoginService.AcsResult.Refused.class, service.acs("s4t5vwv8", BASE, post(ghostRole), null));
        assertEquals(Reason.UNMATCHED_ROLE, denied.failure().reason());

        List<SsoFailureLog.Entry> log = service.failures("org1", "sso-s4t5vwv8", 0, Long.MAX_VALUE, 100, 1).orElseThrow();
        assertEquals(2, log.size());
        assertTrue(log.stream().anyMatch(e -> e.detail().startsWith(Reason.EXPIRED.message())), log.toString());
        assertTrue(log.stream().anyMatch(e -> e.detail().contains("ghost") && e.samlAssertionXml().contains("_assert2")));
        assertEquals(SamlResponseValidatorTest.NOW.getEpochSecond(), (long) log.get(0).timestamp());
        assertTrue(service.failures("org1", "no-such-sso", 0, Long.MAX_VALUE, 100, 1).isEmpty());
    }

    @Test
    void aDisabledSsoRefusesEvenAValidResponseAndListsIt() {
        SamlSsoConfig enabled = SamlResponseValidatorTest.config("s4t5vwv8", SamlSsoConfig.SignAlgo.SHA256, false);
        SamlSsoConfig disabled = new SamlSsoConfig(enabled.orgId(), enabled.ssoId(), enabled.domain(), enabled.issuer(),
                enabled.idpCert(), enabled.idpSignAlgo(), enabled.idpSsoUrl(), null, enabled.nameIdFormat(), null, null,
                null, false, enabled.emailDomains(), null, false, false, true);
        directory.register(disabled);
        String valid = post(spec());
        var r = assertInstanceOf(SsoLoginService.AcsResult.Refused.class, service.acs("s4t5vwv8", BASE, valid, null));
        assertEquals(Reason.SSO_DISABLED, r.failure().reason());
        assertFalse(r.unknownSso());
        List<SsoFailureLog.Entry> log = service.failures("org1", "sso-s4t5vwv8", 0, Long.MAX_VALUE, 100, 1).orElseThrow();
        assertEquals(1, log.size());
        assertTrue(log.get(0).detail().startsWith("This SSO is disabled"), log.toString());
        assertTrue(service.startLogin("s4t5vwv8", BASE, null).isEmpty(), "no SP-initiated login at a disabled SSO");

        directory.register(enabled);
        assertInstanceOf(SsoLoginService.AcsResult.Proceed.class, service.acs("s4t5vwv8", BASE, valid, null),
                "enabled again, the same (unused) response is accepted");
    }

    @Test
    void anAccountTheAdminPlaneRefusesIsAFailureWithItsReason() {
        TestIdp.Spec local = spec();
        local.nameId = "local-admin@corp.example";
        var r = assertInstanceOf(SsoLoginService.AcsResult.Refused.class, service.acs("s4t5vwv8", BASE, post(local), null));
        assertEquals(Reason.ACCOUNT_REFUSED, r.failure().reason());
        List<SsoFailureLog.Entry> log = service.failures("org1", "sso-s4t5vwv8", 0, Long.MAX_VALUE, 100, 1).orElseThrow();
        assertEquals(1, log.size());
        assertTrue(log.get(0).detail().contains("local admin account"), log.toString());
    }

    @Test
    void firstLoginFindsTheSsoByEmailDomain() {
        assertEquals("s4t5vwv8", directory.byEmail("Bob@Corp.Example").orElseThrow().domain());
        assertTrue(directory.byEmail("bob@elsewhere.example").isEmpty());
        assertTrue(directory.byEmail("not-an-email").isEmpty());
    }

    @Test
    void unknownDomainIsRefusedWithoutStoring() {
        var r = assertInstanceOf(SsoLoginService.AcsResult.Refused.class, service.acs("nope", BASE, post(spec()), null));
        assertEquals(Reason.UNKNOWN_SSO, r.failure().reason());
        assertTrue(r.unknownSso());
    }

    @Test
    void diagnosticSwitchKeepsSuccessesForAnHourOnly() {
        SamlSsoConfig base = SamlResponseValidatorTest.config("s4t5vwv8", SamlSsoConfig.SignAlgo.SHA256, false);
        directory.register(new SamlSsoConfig(base.orgId(), base.ssoId(), base.domain(), base.issuer(), base.idpCert(),
                base.idpSignAlgo(), base.idpSsoUrl(), null, base.nameIdFormat(), null, null, null, false, null, null,
                false, true));
        assertInstanceOf(SsoLoginService.AcsResult.Proceed.class, service.acs("s4t5vwv8", BASE, post(spec()), null));
        List<SsoFailureLog.Entry> kept = service.failures("org1", "sso-s4t5vwv8", 0, Long.MAX_VALUE, 100, 1).orElseThrow();
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).success());

        SsoFailureLogBean later = new SsoFailureLogBean();
        later.clock = Clock.offset(clock, SsoFailureLog.DIAGNOSTIC_KEEP.plusSeconds(1));
        later.dataSource = dataSource();
        assertTrue(later.list("org1", "sso-s4t5vwv8", 0, Long.MAX_VALUE, 100, 1).isEmpty());
    }

    @Test
    void metadataAndSpInitiatedStartAreServedForKnownSsosOnly() {
        var md = service.metadata("org1", "sso-s4t5vwv8", BASE).orElseThrow();
        assertEquals(BASE + "/api/v1/saml/s4t5vwv8/login", md.acsUrl());
        assertTrue(md.metadata().contains("WantAssertionsSigned=\"true\""));
        assertTrue(service.metadata("org1", "other", BASE).isEmpty());
        assertTrue(service.startLogin("s4t5vwv8", BASE, null).orElseThrow().startsWith("https://idp.example.test/sso?SAMLRequest="));
        assertTrue(service.startLogin("nope", BASE, null).isEmpty());
        assertEquals(URI.create("/"), service.logoutTarget("s4t5vwv8").orElseThrow());
    }
}
