package io.turnstile.it.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.turnstile.it.TurnstileUnderTest;

/**
 * Admin SSO end to end: a saml {@code ssos} entry configured through REST from the real Keycloak's IdP metadata, a
 * Keycloak SAML client created for it through Keycloak's admin REST API (ACS and entity id = the SSO's, which has a
 * random domain), real logins at Keycloak's login form, the SAMLResponse posted to Turnstile's ACS as the browser
 * would, and then Turnstile's session, roles, refusals, failures list, audit line, logout, lookup and SSO deletion.
 * Users and their Role values come from the realm fixture (see {@link KeycloakSamlIT}).
 */
@EnabledIfSystemProperty(named = "turnstile.it", matches = "true")
@EnabledIfSystemProperty(named = "turnstile.keycloak", matches = "http.+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakAdminSsoIT {

    static final String KEYCLOAK = System.getProperty("turnstile.keycloak");
    static final String REALM = KEYCLOAK + "/realms/turnstile";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String org;
    static String ssoId;
    static String domain;
    static String acsUrl;
    static String idpInitiatedName;
    static String ssoPath;
    static final List<String> ssoRoleIds = new java.util.ArrayList<>();

    @BeforeAll
    static void configureSsoAndKeycloakClient() throws Exception {
        org = TurnstileUnderTest.orgId();
        String idpMetadata = new IdpBrowser().get(REALM + "/protocol/saml/descriptor");
        String name = "keycloak-" + UUID.randomUUID().toString().substring(0, 8);
        var created = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssos", Json.createObjectBuilder()
                .add("name", name).add("idp_type", "saml").add("idp_metadata", idpMetadata)
                .add("email_domains", Json.createArrayBuilder().add("corp.example")).build().toString());
        assertEquals(200, created.status(), created.body());
        assertEquals(REALM, created.json().getString("issuer"), "issuer from the IdP metadata");
        assertEquals(REALM + "/protocol/saml", created.json().getString("idp_sso_url"));
        assertFalse(created.json().containsKey("idp_metadata"), "the metadata itself is not stored");
        ssoId = created.json().getString("id");
        domain = created.json().getString("domain");
        ssoPath = "/api/v1/orgs/" + org + "/ssos/" + ssoId;

        // The import endpoint gives the same fields.
        var imported = TurnstileUnderTest.call("POST", ssoPath + "/metadata/import", TurnstileUnderTest.TOKEN,
                "application/xml", idpMetadata);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(REALM, imported.json().getString("issuer"));
        var badImport = TurnstileUnderTest.call("POST", ssoPath + "/metadata/import", TurnstileUnderTest.TOKEN,
                "application/xml", "<x/>");
        assertEquals(400, badImport.status(), badImport.body());

        var sp = TurnstileUnderTest.get(ssoPath + "/metadata");
        assertEquals(200, sp.status(), sp.body());
        acsUrl = sp.json().getString("acs_url");
        assertTrue(acsUrl.endsWith("/api/v1/saml/" + domain + "/login"), acsUrl);
        assertEquals(acsUrl, sp.json().getString("entity_id"));

        for (String[] role : new String[][] {{"reader", "read"}, {"ops", "write"}}) {
            var r = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/ssoroles", """
                    {"name": "%s", "privileges": [{"scope": "org", "role": "%s"}]}""".formatted(role[0], role[1]));
            assertEquals(200, r.status(), r.body());
            ssoRoleIds.add(r.json().getString("id"));
        }
        idpInitiatedName = "ts-" + domain;
        createKeycloakClient();
    }

    @AfterAll
    static void removeSsoRoles() {
        for (String id : ssoRoleIds) {
            TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/ssoroles/" + id);
        }
    }

    /** The fixture's SAML client with its URLs pointed at this SSO's ACS (Keycloak's admin REST API). */
    static void createKeycloakClient() throws Exception {
        createKeycloakClient(acsUrl, idpInitiatedName);
    }

    /**
     * The fixture's SAML client, created in Keycloak with its URLs pointed at {@code acsUrl} (client id = entity id =
     * the ACS URL) and IdP-initiated login at {@code /realms/turnstile/protocol/saml/clients/<idpInitiatedName>}.
     */
    static void createKeycloakClient(String acsUrl, String idpInitiatedName) throws Exception {
        new KeycloakClients(KEYCLOAK).create(acsUrl, acsUrl, idpInitiatedName, Map.of());
    }

    record Acs(int status, String location, String body, Map<String, String> cookies) { }

    /** IdP-initiated login at Keycloak's real login form, then the browser's POST of the SAMLResponse. */
    static Acs login(String user) throws Exception {
        IdpBrowser browser = new IdpBrowser();
        IdpBrowser.PostForm form = browser.login(browser.get(REALM + "/protocol/saml/clients/" + idpInitiatedName),
                user, user + "-pw-1");
        assertEquals(acsUrl, form.action(), "Keycloak posts to the SSO's ACS");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse="
                        + URLEncoder.encode(form.samlResponse(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return new Acs(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), cookies);
    }

    static Acs admitted(String user) throws Exception {
        Acs a = login(user);
        assertEquals(303, a.status(), a.body());
        assertEquals("/console/dashboard.xhtml", a.location());
        assertTrue(a.cookies().containsKey("sessionid") && a.cookies().containsKey("csrftoken"), a.cookies().toString());
        return a;
    }

    static void refused(String user, String reason) throws Exception {
        Acs a = login(user);
        assertEquals(403, a.status(), a.body());
        assertTrue(a.body().contains("data-reason=\"" + reason + "\""), a.body());
        assertTrue(a.cookies().isEmpty(), "no session for a refused login");
    }

    static HttpResponse<String> withSession(String method, String path, Acs session, String json) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(TurnstileUnderTest.HTTP + path))
                .header("Cookie", "sessionid=" + session.cookies().get("sessionid") + "; csrftoken="
                        + session.cookies().get("csrftoken"))
                .header("X-CSRFToken", session.cookies().get("csrftoken"));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String selfRole(Acs session) throws Exception {
        HttpResponse<String> self = withSession("GET", "/api/v1/self", session, null);
        assertEquals(200, self.statusCode(), self.body());
        return Json.createReader(new StringReader(self.body())).readObject().getJsonArray("privileges")
                .getJsonObject(0).getString("role");
    }

    static void settings(String json) {
        var r = TurnstileUnderTest.put(ssoPath, json);
        assertEquals(200, r.status(), r.body());
    }

    static String failures() {
        var f = TurnstileUnderTest.get(ssoPath + "/failures?duration=1h");
        assertEquals(200, f.status(), f.body());
        return f.body();
    }

    @Test
    @Order(1)
    void mappedRoleSessionAuditAndLogout() throws Exception {
        settings("""
                {"role_attr_extraction": "cn", "ignore_unmatched_roles": false, "default_role": null}""");
        Acs dave = admitted("dave");
        assertEquals("write", selfRole(dave), "CN=ops,... maps to ssorole ops (write)");

        var logs = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/logs?admin_name="
                + URLEncoder.encode("dave@corp.example", StandardCharsets.UTF_8) + "&duration=1h");
        assertEquals(200, logs.status(), logs.body());
        assertTrue(logs.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("message").endsWith(" dave@corp.example Login with Role “write”")),
                logs.body());

        HttpResponse<String> out = withSession("GET", "/api/v1/saml/" + domain + "/logout", dave, null);
        assertEquals(303, out.statusCode(), out.body());
        assertTrue(out.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("sessionid=") && c.toLowerCase().contains("max-age=0")),
                out.headers().toString());
        assertEquals(401, withSession("GET", "/api/v1/self", dave, null).statusCode(), "logout ends the session");

        // Privileges are recomputed at every login: ops now grants read.
        var ops = TurnstileUnderTest.put("/api/v1/orgs/" + org + "/ssoroles/" + ssoRoleIds.get(1), """
                {"privileges": [{"scope": "org", "role": "read"}]}""");
        assertEquals(200, ops.status(), ops.body());
        try {
            assertEquals("read", selfRole(admitted("dave")));
        } finally {
            TurnstileUnderTest.put("/api/v1/orgs/" + org + "/ssoroles/" + ssoRoleIds.get(1), """
                    {"privileges": [{"scope": "org", "role": "write"}]}""");
        }
    }

    @Test
    @Order(2)
    void unmatchedRoleIsRefusedAndListedUntilIgnoredAndAReaderCannotChange() throws Exception {
        settings("""
                {"role_attr_extraction": "", "ignore_unmatched_roles": false, "default_role": null}""");
        refused("bob", "UNMATCHED_ROLE");
        String listed = failures();
        assertTrue(listed.contains("unmatched: netadmin,helpdesk"), listed);

        settings("""
                {"ignore_unmatched_roles": true}""");
        Acs bob = admitted("bob");
        assertEquals("read", selfRole(bob));
        HttpResponse<String> put = withSession("PUT", ssoPath, bob, """
                {"name": "taken-over"}""");
        assertEquals(403, put.statusCode(), "a read-only SSO admin cannot change the SSO: " + put.body());
    }

    @Test
    @Order(3)
    void defaultRoleAdmitsWhenNoAssertedRoleMatches() throws Exception {
        settings("""
                {"role_attr_extraction": "", "ignore_unmatched_roles": false, "default_role": null}""");
        refused("alice", "NO_ROLE_MATCHED");
        assertTrue(failures().contains(
                "None of the asserted roles matches an SSO role and no default role is set"));
        settings("""
                {"default_role": "reader"}""");
        assertEquals("read", selfRole(admitted("alice")));
    }

    @Test
    @Order(4)
    void lookupPointsNewAndExistingSsoAdminsAtTheSso() {
        for (String email : new String[] {"newcomer@corp.example", "alice@corp.example"}) {
            var r = TurnstileUnderTest.call("POST", "/api/v1/login/lookup", null, "application/json",
                    "{\"email\": \"" + email + "\"}");
            assertEquals(200, r.status(), r.body());
            assertEquals(acsUrl, r.json().getString("sso_url"), email);
        }
        var elsewhere = TurnstileUnderTest.call("POST", "/api/v1/login/lookup", null, "application/json",
                "{\"email\": \"nobody@elsewhere.example\"}");
        assertEquals(404, elsewhere.status(), elsewhere.body());
    }

    @Test
    @Order(5)
    void deletingTheSsoDeletesItsAdminsAndEndsTheirSessions() throws Exception {
        settings("""
                {"role_attr_extraction": "cn", "ignore_unmatched_roles": true, "default_role": null}""");
        Acs carol = admitted("carol");
        assertEquals("write", selfRole(carol));
        assertEquals(200, TurnstileUnderTest.delete(ssoPath).status());
        assertEquals(401, withSession("GET", "/api/v1/self", carol, null).statusCode());
        var lookup = TurnstileUnderTest.call("POST", "/api/v1/login/lookup", null, "application/json",
                "{\"email\": \"carol@corp.example\"}");
        assertEquals(404, lookup.status(), "the SSO admin went with its SSO: " + lookup.body());
    }
}
