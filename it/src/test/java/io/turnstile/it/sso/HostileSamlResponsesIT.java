package io.turnstile.it.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import io.turnstile.it.TurnstileUnderTest;
import io.turnstile.sso.SamlLoginFailure.Reason;

/**
 * Hostile SAML responses posted straight to a running Turnstile's ACS ({@code POST /api/v1/saml/{domain}/login}), as
 * an attacker's browser would. Every one starts from a response the real Keycloak signed after a real login at its
 * login form, so the only thing wrong with it is what the attacker did (or what Keycloak was told to do: sign with
 * SHA-1, give a one-second assertion lifespan, name another audience). Each must be refused with the reason's page
 * (403, {@code data-reason}), no session cookie, and a row in the SSO's {@code failures} naming the reason; a genuine
 * response, serialized through the same DOM code, is admitted, so the refusals come from the tampering.
 */
@EnabledIfSystemProperty(named = "turnstile.it", matches = "true")
@EnabledIfSystemProperty(named = "turnstile.keycloak", matches = "http.+")
class HostileSamlResponsesIT {

    static final String KEYCLOAK = System.getProperty("turnstile.keycloak");
    static final String REALM = KEYCLOAK + "/realms/turnstile";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One Turnstile SSO and the Keycloak client that logs in to it IdP-initiated. */
    record Sso(String id, String domain, String acsUrl, String idpInitiatedName) {
        String path() {
            return "/api/v1/orgs/" + TurnstileUnderTest.orgId() + "/ssos/" + id;
        }
    }

    record Acs(int status, String body, List<String> setCookies) { }

    static String org;
    static String roleId;
    static Sso main;
    static Sso other;
    static Sso sha1;
    static Sso shortLived;
    static String wrongAudienceName;
    static final KeycloakClients KEYCLOAK_CLIENTS = new KeycloakClients(KEYCLOAK);

    @BeforeAll
    static void ssosAndKeycloakClients() throws Exception {
        org = TurnstileUnderTest.orgId();
        String role = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        var r = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssoroles", """
                {"name": "%s", "privileges": [{"scope": "org", "role": "read"}]}""".formatted(role));
        assertEquals(200, r.status(), r.body());
        roleId = r.json().getString("id");
        // Any asserted role admits as read, so only the response itself can make a login fail.
        String lenient = """
                "default_role": "%s", "ignore_unmatched_roles": true""".formatted(role);
        main = sso(lenient, Map.of());
        other = sso(lenient, Map.of());
        sha1 = sso(lenient, Map.of("saml.signature.algorithm", "RSA_SHA1"));
        shortLived = sso(lenient + ", \"saml_clock_skew\": 0", Map.of("saml.assertion.lifespan", "1"));
        // A Keycloak client posting to main's ACS whose entity id (the Audience Keycloak asserts) is another SP's.
        wrongAudienceName = "ts-aud-" + main.domain();
        KEYCLOAK_CLIENTS.create("urn:turnstile:it:another-sp:" + main.domain(), main.acsUrl(), wrongAudienceName, Map.of());
    }

    static Sso sso(String extraJson, Map<String, String> keycloakAttributes) throws Exception {
        String idpMetadata = new IdpBrowser().get(REALM + "/protocol/saml/descriptor");
        var created = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssos", "{"
                + "\"name\": " + Json.createValue("hostile-" + UUID.randomUUID().toString().substring(0, 8))
                + ", \"idp_type\": \"saml\", \"idp_metadata\": " + Json.createValue(idpMetadata) + ", " + extraJson + "}");
        assertEquals(200, created.status(), created.body());
        String id = created.json().getString("id");
        String domain = created.json().getString("domain");
        var sp = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/ssos/" + id + "/metadata");
        assertEquals(200, sp.status(), sp.body());
        Sso sso = new Sso(id, domain, sp.json().getString("acs_url"), "ts-hostile-" + domain);
        KEYCLOAK_CLIENTS.create(sso.acsUrl(), sso.acsUrl(), sso.idpInitiatedName(), keycloakAttributes);
        return sso;
    }

    @AfterAll
    static void removeSsos() {
        for (Sso s : new Sso[] {main, other, sha1, shortLived}) {
            if (s != null) {
                TurnstileUnderTest.delete(s.path());
            }
        }
        if (roleId != null) {
            TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/ssoroles/" + roleId);
        }
    }

    /** A fresh response signed by Keycloak after alice logs in at its real login form. */
    static String genuineResponse(String idpInitiatedName) {
        return genuineResponse(idpInitiatedName, "alice");
    }

    /** As {@code user} (an SSO admin belongs to one SSO: the first SSO that admits a user keeps it). */
    static String genuineResponse(String idpInitiatedName, String user) {
        IdpBrowser browser = new IdpBrowser();
        return browser.login(browser.get(REALM + "/protocol/saml/clients/" + idpInitiatedName), user, user + "-pw-1")
                .samlResponse();
    }

    static Acs post(Sso sso, String samlResponse) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sso.acsUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse="
                        + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Acs(r.statusCode(), r.body(), r.headers().allValues("Set-Cookie"));
    }

    static long failuresNaming(Sso sso, Reason reason) {
        var f = TurnstileUnderTest.get(sso.path() + "/failures?duration=1h&limit=1000");
        assertEquals(200, f.status(), f.body());
        return f.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("detail").startsWith(reason.message())).count();
    }

    /** Posts {@code samlResponse} to {@code sso}'s ACS and checks the refusal: reason page, no cookie, stored row. */
    static void assertRefused(Sso sso, String samlResponse, Reason reason) throws Exception {
        long before = failuresNaming(sso, reason);
        Acs a = post(sso, samlResponse);
        assertEquals(403, a.status(), a.body());
        assertTrue(a.body().contains("data-reason=\"" + reason.name() + "\""), a.body());
        assertTrue(a.setCookies().isEmpty(), "a refused login sets no cookie: " + a.setCookies());
        assertEquals(before + 1, failuresNaming(sso, reason), "the refusal is stored with its reason");
    }

    static void assertAdmitted(Sso sso, String samlResponse) throws Exception {
        Acs a = post(sso, samlResponse);
        assertEquals(303, a.status(), a.body());
        assertTrue(a.setCookies().stream().anyMatch(c -> c.startsWith("sessionid=")), a.setCookies().toString());
    }

    @Test
    void aGenuineResponseWrittenBackThroughTheDomIsAdmitted() throws Exception {
        Document d = SamlTampering.parse(genuineResponse(main.idpInitiatedName()));
        assertTrue(SamlTampering.signatureOf(SamlTampering.response(d)) != null
                && SamlTampering.signatureOf(SamlTampering.assertion(d)) != null, "Keycloak signs response and assertion");
        assertAdmitted(main, SamlTampering.encode(d));
    }

    static Stream<Arguments> tamperedShapes() {
        return Stream.of(
                Arguments.of("attribute changed after signing", (Consumer<Document>) SamlTampering::attributeChanged, Reason.BAD_SIGNATURE),
                Arguments.of("XSW1", (Consumer<Document>) SamlTampering::xsw1, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW2", (Consumer<Document>) SamlTampering::xsw2, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW3", (Consumer<Document>) SamlTampering::xsw3, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW4", (Consumer<Document>) SamlTampering::xsw4, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW5", (Consumer<Document>) SamlTampering::xsw5, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW6", (Consumer<Document>) SamlTampering::xsw6, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW7", (Consumer<Document>) SamlTampering::xsw7, Reason.SIGNATURE_WRAPPING),
                Arguments.of("XSW8", (Consumer<Document>) SamlTampering::xsw8, Reason.SIGNATURE_WRAPPING),
                Arguments.of("unsigned assertion", (Consumer<Document>) SamlTampering::unsigned, Reason.UNSIGNED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedShapes")
    void tamperedResponseIsRefused(String name, Consumer<Document> tamper, Reason reason) throws Exception {
        Document d = SamlTampering.parse(genuineResponse(main.idpInitiatedName()));
        tamper.accept(d);
        assertRefused(main, SamlTampering.encode(d), reason);
    }

    @Test
    void dtdWithAnExternalEntityIsRefused() throws Exception {
        String xml = SamlTampering.xml(genuineResponse(main.idpInitiatedName())).replaceFirst("^<\\?xml[^>]*\\?>", "");
        Matcher nameId = Pattern.compile("(<saml:NameID[^>]*>)[^<]*(</saml:NameID>)").matcher(xml);
        assertTrue(nameId.find(), xml);
        String xxe = "<!DOCTYPE samlp:Response [<!ENTITY who SYSTEM \"file:///etc/hostname\">]>"
                + nameId.replaceFirst("$1&who;$2");
        assertRefused(main, SamlTampering.base64(xxe), Reason.DTD_REFUSED);
    }

    @Test
    void replayedResponseIsRefusedAfterItsFirstUse() throws Exception {
        String response = genuineResponse(main.idpInitiatedName());
        assertAdmitted(main, response);
        assertRefused(main, response, Reason.REPLAYED);
    }

    @Test
    void responseForAnotherSsosDomainIsRefused() throws Exception {
        assertRefused(other, genuineResponse(main.idpInitiatedName()), Reason.WRONG_DESTINATION);
    }

    @Test
    void responseNamingAnotherAudienceIsRefused() throws Exception {
        String response = genuineResponse(wrongAudienceName);
        assertTrue(SamlTampering.xml(response).contains("urn:turnstile:it:another-sp:"), "Keycloak's Audience");
        assertRefused(main, response, Reason.WRONG_AUDIENCE);
    }

    @Test
    void responseFromAnotherIssuerIsRefused() throws Exception {
        var put = TurnstileUnderTest.put(main.path(), """
                {"issuer": "https://idp.elsewhere.example/realms/turnstile"}""");
        assertEquals(200, put.status(), put.body());
        try {
            assertRefused(main, genuineResponse(main.idpInitiatedName()), Reason.WRONG_ISSUER);
        } finally {
            var back = TurnstileUnderTest.put(main.path(), "{\"issuer\": " + Json.createValue(REALM) + "}");
            assertEquals(200, back.status(), back.body());
        }
    }

    @Test
    void sha1SignatureIsRefusedUnlessTheSsoAllowsIt() throws Exception {
        String response = genuineResponse(sha1.idpInitiatedName());
        assertTrue(SamlTampering.xml(response).contains("http://www.w3.org/2000/09/xmldsig#rsa-sha1"), "Keycloak signed with SHA-1");
        assertRefused(sha1, response, Reason.SHA1_REFUSED);

        var put = TurnstileUnderTest.put(sha1.path(), """
                {"idp_sign_algo": "sha1", "saml_allow_sha1": true}""");
        assertEquals(200, put.status(), put.body());
        assertAdmitted(sha1, genuineResponse(sha1.idpInitiatedName(), "bob"));
    }

    @Test
    void expiredAssertionIsRefused() throws Exception {
        String response = genuineResponse(shortLived.idpInitiatedName());
        Matcher end = Pattern.compile("<saml:Conditions[^>]*NotOnOrAfter=\"([^\"]+)\"").matcher(SamlTampering.xml(response));
        assertTrue(end.find(), SamlTampering.xml(response));
        Instant notOnOrAfter = Instant.parse(end.group(1));
        assertTrue(notOnOrAfter.isBefore(Instant.now().plusSeconds(30)), "Keycloak's one-second lifespan: " + notOnOrAfter);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), notOnOrAfter).toMillis()) + 1500);
        assertRefused(shortLived, response, Reason.EXPIRED);
    }
}
