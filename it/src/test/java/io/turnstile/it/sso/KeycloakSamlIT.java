package io.turnstile.it.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.turnstile.sso.AssertionReplayCache;
import io.turnstile.sso.IdpMetadata;
import io.turnstile.sso.PendingAuthnRequests;
import io.turnstile.sso.RoleMatch;
import io.turnstile.sso.SamlAuthnRequests;
import io.turnstile.sso.SamlLogin;
import io.turnstile.sso.SamlLoginFailure;
import io.turnstile.sso.SamlOutcome;
import io.turnstile.sso.SamlResponseValidator;
import io.turnstile.sso.SamlSsoConfig;
import io.turnstile.sso.SpEndpoints;
import io.turnstile.sso.SsoPrivilege;
import io.turnstile.sso.SsoRole;
import io.turnstile.sso.SsoRoleMatcher;

/**
 * Real SAML logins at a real Keycloak (started by {@code it/scripts/keycloak.sh} with the realm fixture
 * {@code it/src/test/resources/keycloak/turnstile-realm.json}), IdP- and SP-initiated, fed to
 * {@link SamlResponseValidator} exactly as the ACS would get them. The SSO is configured from Keycloak's own IdP
 * metadata. Needs no Turnstile server: runs when {@code -Dturnstile.keycloak=http://127.0.0.1:PORT} is given.
 */
@EnabledIfSystemProperty(named = "turnstile.keycloak", matches = "http.+")
class KeycloakSamlIT {

    static final String KEYCLOAK = System.getProperty("turnstile.keycloak");
    static final String REALM = KEYCLOAK + "/realms/turnstile";
    static final SpEndpoints SP = SpEndpoints.of("https://nac.turnstile.test", "kcsso01");

    static IdpMetadata idp;

    final Clock clock = Clock.systemUTC();
    final PendingAuthnRequests pending = new PendingAuthnRequests(clock, new SecureRandom(), Duration.ofMinutes(10), 100);
    final SamlResponseValidator validator = new SamlResponseValidator(clock, new AssertionReplayCache(clock, 1000), pending);

    @BeforeAll
    static void readIdpMetadata() {
        idp = IdpMetadata.parse(new IdpBrowser().get(REALM + "/protocol/saml/descriptor"));
        assertEquals(REALM, idp.issuer());
        assertEquals(REALM + "/protocol/saml", idp.idpSsoUrl());
    }

    static SamlSsoConfig sso(SamlSsoConfig.RoleExtraction extraction) {
        return new SamlSsoConfig("org-it", "sso-kc", "kcsso01", idp.issuer(), idp.idpCert(), SamlSsoConfig.SignAlgo.SHA256,
                idp.idpSsoUrl(), null, SamlSsoConfig.NameIdFormat.EMAIL, null, extraction, null, false,
                List.of("corp.example"), null, false, false);
    }

    static IdpBrowser.PostForm idpInitiated(String user) {
        IdpBrowser browser = new IdpBrowser();
        return browser.login(browser.get(REALM + "/protocol/saml/clients/turnstile"), user, user + "-pw-1");
    }

    SamlLogin login(SamlSsoConfig sso, IdpBrowser.PostForm form) {
        assertEquals(SP.acsUrl(), form.action(), "Keycloak posts to the SSO's ACS");
        SamlOutcome o = validator.validatePost(sso, SP, form.samlResponse());
        return assertInstanceOf(SamlLogin.class, o, o::toString);
    }

    @Test
    void idpInitiatedLoginSplitsOneCommaSeparatedValue() {
        SamlLogin alice = login(sso(SamlSsoConfig.RoleExtraction.NONE), idpInitiated("alice"));
        assertEquals("alice@corp.example", alice.nameId());
        assertEquals("alice@corp.example", alice.email());
        assertEquals("Alice", alice.firstName());
        assertEquals("Liddell", alice.lastName());
        assertEquals(List.of("netadmin", "helpdesk"), alice.roles());
        assertNull(alice.inResponseTo());

        SsoPrivilege admin = new SsoPrivilege("org", "admin", null, null, null);
        SsoPrivilege helpdesk = new SsoPrivilege("site", "helpdesk", "site-1", null, null);
        RoleMatch.Granted g = assertInstanceOf(RoleMatch.Granted.class, new SsoRoleMatcher().match(alice.roles(),
                List.of(new SsoRole("1", "netadmin", List.of(admin)), new SsoRole("2", "helpdesk", List.of(helpdesk))),
                sso(SamlSsoConfig.RoleExtraction.NONE)));
        assertEquals(Set.of(admin, helpdesk), g.privileges());
    }

    @Test
    void spInitiatedLoginKeepsSeveralValuesWhole() {
        SamlSsoConfig sso = sso(SamlSsoConfig.RoleExtraction.NONE);
        IdpBrowser browser = new IdpBrowser();
        String redirect = new SamlAuthnRequests(pending).redirectUrl(sso, SP, "/admin/");
        IdpBrowser.PostForm form = browser.login(browser.get(redirect), "bob", "bob-pw-1");
        assertEquals("/admin/", form.relayState());
        SamlLogin bob = login(sso, form);
        assertEquals(List.of("netadmin,helpdesk", "reader"), bob.roles());
        assertNotNull(bob.inResponseTo(), "an SP-initiated response answers our AuthnRequest");
    }

    @Test
    void cnExtractionReadsDnShapedValues() {
        SamlLogin carol = login(sso(SamlSsoConfig.RoleExtraction.CN), idpInitiated("carol"));
        assertEquals(List.of("ops", "audit"), carol.roles());
        // One DN-shaped value: with CN extraction it is one role, not split on its commas.
        SamlLogin dave = login(sso(SamlSsoConfig.RoleExtraction.CN), idpInitiated("dave"));
        assertEquals(List.of("ops"), dave.roles());
    }

    @Test
    void realResponsesAreRefusedWhenReplayedAlteredOrSentToAnotherSso() {
        SamlSsoConfig sso = sso(SamlSsoConfig.RoleExtraction.NONE);
        String response = idpInitiated("alice").samlResponse();
        String xml = new String(Base64.getMimeDecoder().decode(response), StandardCharsets.UTF_8);
        assertTrue(xml.contains("netadmin,helpdesk"), xml);

        String altered = Base64.getEncoder().encodeToString(
                xml.replace("netadmin,helpdesk", "netadmin,superuser").getBytes(StandardCharsets.UTF_8));
        assertEquals(SamlLoginFailure.Reason.BAD_SIGNATURE, reason(validator.validatePost(sso, SP, altered)));

        SpEndpoints otherSp = SpEndpoints.of("https://nac.turnstile.test", "kcsso02");
        SamlSsoConfig other = new SamlSsoConfig("org-it", "sso-kc2", "kcsso02", idp.issuer(), idp.idpCert(),
                SamlSsoConfig.SignAlgo.SHA256, idp.idpSsoUrl(), null, null, null, null, null, false, null, null, false, false);
        assertEquals(SamlLoginFailure.Reason.WRONG_DESTINATION, reason(validator.validatePost(other, otherSp, response)));

        assertInstanceOf(SamlLogin.class, validator.validatePost(sso, SP, response));
        assertEquals(SamlLoginFailure.Reason.REPLAYED, reason(validator.validatePost(sso, SP, response)));

        // Keycloak signs with SHA-256: an SSO configured for SHA-512 refuses its responses.
        IdpBrowser.PostForm again = idpInitiated("alice");
        SamlSsoConfig sha512 = new SamlSsoConfig("org-it", "sso-kc", "kcsso01", idp.issuer(), idp.idpCert(),
                SamlSsoConfig.SignAlgo.SHA512, idp.idpSsoUrl(), null, null, null, null, null, false, null, null, false, false);
        assertEquals(SamlLoginFailure.Reason.WRONG_ALGORITHM, reason(validator.validatePost(sha512, SP, again.samlResponse())));
    }

    static SamlLoginFailure.Reason reason(SamlOutcome o) {
        return assertInstanceOf(SamlLoginFailure.class, o, o::toString).reason();
    }
}
