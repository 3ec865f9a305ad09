package io.turnstile.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.turnstile.it.TurnstileUnderTest.call;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin plane against a running Turnstile: login and session cookies, CSRF, logout, lockout, API tokens (key shown
 * once, src_ips), the last-admin rule, and the audit log of logins and changes.
 */
class AdminPlaneIT {

    static final String PASSWORD = "it-password-correct-horse";
    static String org;
    static String run;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.orgId();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    static String email(String who) {
        return who + "-" + run + "@example.com";
    }

    @Test
    void loginSetsAHttpOnlySameSiteSessionCookieThatExpiresAndRotates() {
        String email = email("ann");
        AdminSession.createAdmin(org, email, PASSWORD, "admin");
        AdminSession s = new AdminSession();
        AdminSession.Reply login = s.login(email.toUpperCase(), PASSWORD);
        assertEquals(200, login.status(), login.body());
        assertEquals(email, login.plain().json().getString("email"));
        String session = login.setCookie("sessionid").orElseThrow();
        String csrf = login.setCookie("csrftoken").orElseThrow();
        assertTrue(session.contains("HttpOnly"), session);
        assertTrue(session.contains("SameSite=Lax"), session);
        assertTrue(session.matches(".*Max-Age=[1-9][0-9]*.*"), session);
        assertTrue(session.contains("Path=/"), session);
        assertFalse(session.contains("Secure"), "no Secure over plain http: " + session);
        assertFalse(csrf.contains("HttpOnly"), "the console's scripts read the CSRF token: " + csrf);

        var self = s.call("GET", "/api/v1/self", null);
        assertEquals(200, self.status(), self.body());
        assertEquals(email, self.plain().json().getString("email"));
        assertEquals("admin", self.plain().json().getJsonArray("privileges").getJsonObject(0).getString("role"));

        String first = s.cookies.get("sessionid");
        assertEquals(200, s.login(email, PASSWORD).status());
        String second = s.cookies.get("sessionid");
        assertNotEquals(first, second, "a login issues a new session id");
        assertEquals(401, AdminSession.send("GET", "/api/v1/self", Map.of("sessionid", first), Map.of(), null)
                .status(), "the session the login replaced is closed");
        assertEquals(200, s.call("GET", "/api/v1/self", null).status());
    }

    @Test
    void aCookieAuthenticatedChangeWithoutTheCsrfTokenIsRefused() {
        String email = email("csrf");
        AdminSession.createAdmin(org, email, PASSWORD, "write");
        AdminSession s = AdminSession.signedIn(email, PASSWORD);
        var refused = s.callWithoutCsrf("POST", "/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"001b2c3d5e01\"}");
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("CSRF"), refused.body());
        var wrong = AdminSession.send("POST", "/api/v1/orgs/" + org + "/usermacs", s.cookies,
                Map.of("X-CSRFToken", "not-the-token-not-the-token-1234"), "{\"mac\": \"001b2c3d5e01\"}");
        assertEquals(403, wrong.status(), wrong.body());
        assertTrue(get("/api/v1/orgs/" + org + "/usermacs/search?mac=001b2c3d5e01").array().isEmpty(),
                "nothing was created");
        var ok = s.call("POST", "/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"001b2c3d5e01\"}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(200, s.call("DELETE", "/api/v1/orgs/" + org + "/usermacs/" + ok.plain().json().getString("id"),
                null).status());
    }

    @Test
    void logoutEndsTheSession() {
        String email = email("bye");
        AdminSession.createAdmin(org, email, PASSWORD, "read");
        AdminSession s = AdminSession.signedIn(email, PASSWORD);
        assertEquals(403, s.callWithoutCsrf("POST", "/api/v1/logout", null).status(), "logout is a change: CSRF");
        var out = s.call("POST", "/api/v1/logout", null);
        assertEquals(200, out.status(), out.body());
        assertTrue(out.setCookie("sessionid").orElseThrow().contains("Max-Age=0"), out.setCookies().toString());
        assertEquals(401, s.call("GET", "/api/v1/self", null).status());
    }

    @Test
    void wrongPasswordsLockTheAccountForAWhile() {
        String email = email("lock");
        AdminSession.createAdmin(org, email, PASSWORD, "read");
        for (int i = 0; i < 5; i++) {
            var r = new AdminSession().login(email, "wrong-password-" + i);
            assertEquals(400, r.status(), r.body());
            assertTrue(r.body().contains("Invalid email or password"), r.body());
        }
        var locked = new AdminSession().login(email, PASSWORD);
        assertEquals(400, locked.status(), "even the right password waits out the lock");
        assertTrue(locked.body().contains("Too many failed login attempts"), locked.body());
        var unknown = new AdminSession().login(email("nobody"), PASSWORD);
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("Invalid email or password"), "same answer as a wrong password");
    }

    @Test
    void loginLookupKnowsLocalAdminsOnly() {
        String email = email("look");
        AdminSession.createAdmin(org, email, PASSWORD, "read");
        var found = AdminSession.send("POST", "/api/v1/login/lookup", Map.of(), Map.of(),
                "{\"email\": \"" + email + "\"}");
        assertEquals(200, found.status(), found.body());
        assertFalse(found.body().contains("sso_url"), "no SSO covers example.com");
        assertEquals(404, AdminSession.send("POST", "/api/v1/login/lookup", Map.of(), Map.of(),
                "{\"email\": \"" + email("nobody") + "\"}").status());
    }

    @Test
    void apiTokensShowTheirKeyOnceAndHonourSrcIps() {
        var created = post("/api/v1/orgs/" + org + "/apitokens", """
                {"name": "it-reader-%s", "privileges": [{"scope": "org", "role": "read"}]}""".formatted(run));
        assertEquals(200, created.status(), created.body());
        String key = created.json().getString("key");
        String id = created.json().getString("id");
        assertTrue(key.length() >= 40, key);
        var listed = get("/api/v1/orgs/" + org + "/apitokens");
        assertEquals(200, listed.status());
        assertTrue(listed.array().getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("name")
                .equals("bootstrap") && t.getJsonArray("privileges").getJsonObject(0).getString("role")
                .equals("admin")), "the bootstrap token is an ordinary admin token of the org: " + listed.body());
        assertFalse(listed.body().contains(key), "the key is shown once, at creation");
        var one = get("/api/v1/orgs/" + org + "/apitokens/" + id);
        assertFalse(one.json().containsKey("key"), one.body());
        assertEquals("read", one.json().getJsonArray("privileges").getJsonObject(0).getString("role"));

        assertEquals(200, call("GET", "/api/v1/orgs/" + org + "/usermacs/search", key, null, null).status());
        assertEquals(403, call("POST", "/api/v1/orgs/" + org + "/usermacs", key, "application/json",
                "{\"mac\": \"001b2c3d5e02\"}").status(), "read cannot write");

        var fenced = post("/api/v1/orgs/" + org + "/apitokens", """
                {"name": "it-fenced-%s", "privileges": [{"scope": "org", "role": "admin"}],
                 "src_ips": ["192.0.2.0/24"]}""".formatted(run));
        assertEquals(200, fenced.status(), fenced.body());
        var outside = call("GET", "/api/v1/self", fenced.json().getString("key"), null, null);
        assertEquals(403, outside.status(), "127.0.0.1 is outside 192.0.2.0/24: " + outside.body());
        var change = put("/api/v1/orgs/" + org + "/apitokens/" + fenced.json().getString("id"),
                "{\"src_ips\": [\"0.0.0.0/0\"]}");
        assertEquals(400, change.status(), "src_ips cannot change: " + change.body());

        assertEquals(200, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/apitokens/" + id).status());
        assertEquals(401, call("GET", "/api/v1/self", key, null, null).status(), "a deleted token stops at once");
    }

    @Test
    void theLastLocalAdminWithTheAdminRoleCannotBeDeletedOrDemoted() {
        String keep = AdminSession.createAdmin(org, email("keeper"), PASSWORD, "admin");
        // Demote every other local admin-role admin (tests of other classes made some), so that keep is the last.
        for (JsonValue v : get("/api/v1/orgs/" + org + "/admins").array()) {
            JsonObject a = v.asJsonObject();
            if (!a.getString("id").equals(keep) && !a.containsKey("sso_id")
                    && "admin".equals(a.getJsonArray("privileges").getJsonObject(0).getString("role"))) {
                assertEquals(200, put("/api/v1/orgs/" + org + "/admins/" + a.getString("id"),
                        "{\"privileges\": [{\"scope\": \"org\", \"role\": \"write\"}]}").status());
            }
        }
        var demote = put("/api/v1/orgs/" + org + "/admins/" + keep,
                "{\"privileges\": [{\"scope\": \"org\", \"role\": \"write\"}]}");
        assertEquals(400, demote.status(), demote.body());
        assertTrue(demote.json().getString("detail").contains("last local admin"), demote.body());
        assertEquals(400, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/admins/" + keep).status());
        var rename = put("/api/v1/orgs/" + org + "/admins/" + keep, "{\"first_name\": \"Keeper\"}");
        assertEquals(200, rename.status(), "PUT changes the fields it carries: " + rename.body());
        assertEquals("admin", rename.json().getJsonArray("privileges").getJsonObject(0).getString("role"));

        String second = AdminSession.createAdmin(org, email("second"), PASSWORD, "admin");
        assertEquals(200, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/admins/" + keep).status(),
                "with another admin left, the keeper can go");
        assertEquals(400, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/admins/" + second).status());
    }

    @Test
    void loginsAndChangesAreInTheAuditLogWithSecretsRedacted() {
        String email = email("audited");
        AdminSession.createAdmin(org, email, PASSWORD, "write");
        AdminSession s = AdminSession.signedIn(email, PASSWORD);
        var created = s.call("POST", "/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"001b2c3d5e03\", \"name\": \"cam\"}");
        assertEquals(200, created.status(), created.body());
        String id = created.plain().json().getString("id");
        assertEquals(200, s.call("PUT", "/api/v1/orgs/" + org + "/usermacs/" + id, "{\"name\": \"cam-2\"}").status());
        var cluster = post("/api/v1/orgs/" + org + "/mxclusters", """
                {"name": "audit-%s", "mist_nac": {"enabled": true, "secret": "audit-cluster-secret",
                  "client_ips": {"198.51.100.%d": {"secret": "audit-client-secret"}}}}"""
                .formatted(run, 1 + (Math.abs(run.hashCode()) % 250)));
        assertEquals(200, cluster.status(), cluster.body());

        var logs = get("/api/v1/orgs/" + org + "/logs?admin_name=" + enc(email) + "&duration=1h");
        assertEquals(200, logs.status(), logs.body());
        JsonObject page = logs.json();
        List<JsonObject> entries = page.getJsonArray("results").getValuesAs(JsonObject.class);
        assertTrue(entries.stream().allMatch(e -> e.getString("admin_name").equals(email)), logs.body());
        assertTrue(entries.stream().anyMatch(e -> e.getString("message")
                .equals("IT write " + email + " Login with Role “write”")), logs.body());
        JsonObject update = entries.stream().filter(e -> e.getString("message").equals("Update Usermac 001b2c3d5e03"))
                .findFirst().orElseThrow(() -> new AssertionError(logs.body()));
        assertEquals("cam", update.getJsonObject("before").getString("name"));
        assertEquals("cam-2", update.getJsonObject("after").getString("name"));
        assertTrue(page.getInt("total") >= 3, logs.body());
        assertEquals(page.getInt("total"), entries.size());

        var clusterLog = get("/api/v1/orgs/" + org + "/logs?message=" + enc("Add MxCluster audit-" + run));
        assertEquals(1, clusterLog.json().getInt("total"), clusterLog.body());
        assertFalse(clusterLog.body().contains("audit-cluster-secret"), clusterLog.body());
        assertFalse(clusterLog.body().contains("audit-client-secret"), clusterLog.body());

        var count = get("/api/v1/orgs/" + org + "/logs/count?distinct=message&admin_name=" + enc(email));
        assertEquals(200, count.status(), count.body());
        assertEquals("message", count.json().getString("distinct"));
        assertEquals(page.getInt("total"), count.json().getInt("total"));
        assertTrue(count.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("property").equals("Add Usermac 001b2c3d5e03") && r.getInt("count") == 1),
                count.body());
        var none = get("/api/v1/orgs/" + org + "/logs/count?admin_name=" + enc(email) + "&end=-2h");
        assertEquals(0, none.json().getInt("total"), "nothing of this run is two hours old: " + none.body());
        assertEquals(400, get("/api/v1/orgs/" + org + "/logs/count?distinct=password").status());

        assertEquals(200, s.call("DELETE", "/api/v1/orgs/" + org + "/usermacs/" + id, null).status());
        TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/mxclusters/" + cluster.json().getString("id"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
