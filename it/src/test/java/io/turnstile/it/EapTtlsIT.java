package io.turnstile.it;

import io.turnstile.it.ldap.Slapd;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.turnstile.it.TurnstileUnderTest.delete;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 802.1X EAP-TTLS/PAP (RFC 5281) with real peers: wpa_supplicant's eapol_test (anonymous outer identity, user and
 * password inside the tunnel) against Turnstile, which checks them against a real OpenLDAP slapd over LDAPS (the
 * fixture {@code ldap/directory.ldif}: alice in staff and wifi-users, bob locked), configured as an {@code ssos} ldap
 * entry and {@code mist_nac.idps} for the realm {@code turnstile.test}. Each success checks the MS-MPPE keys against
 * the MSK eapol_test derived ("MPPE keys OK"); each failure its NAC IDP event.
 */
class EapTtlsIT {

    static final String OUTER = "anonymous@turnstile.test";
    static String org;
    static Path dir;
    static Slapd slapd;
    static String ssoId;
    static JsonObject settingBefore;
    Radsecproxy proxy;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        dir = Files.createTempDirectory(Path.of("target"), "eapttls").toAbsolutePath();
        var ca = get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("ca.pem"), ca.json().getString("cert"));

        slapd = Slapd.start("ttls", Slapd.port(5));
        var sso = post("/api/v1/orgs/" + org + "/ssos", Json.createObjectBuilder()
                .add("name", "ttls-it-ldap").add("idp_type", "ldap").add("ldap_type", "custom")
                .add("ldap_server_hosts", Json.createArrayBuilder().add(slapd.host()))
                .add("ldap_cacerts", Json.createArrayBuilder().add(slapd.caPem()))
                .add("ldap_bind_dn", Slapd.BIND_DN).add("ldap_bind_password", Slapd.BIND_PASSWORD)
                .add("ldap_base_dn", Slapd.BASE_DN).add("ldap_user_filter", "(|(uid=%s)(mail=%s))")
                .build().toString());
        assertEquals(200, sso.status(), sso.body());
        ssoId = sso.json().getString("id");

        // Add the realm mapping to whatever mist_nac the org has (other ITs keep their cacerts there).
        var setting = get("/api/v1/orgs/" + org + "/setting");
        assertEquals(200, setting.status(), setting.body());
        settingBefore = setting.json();
        JsonObjectBuilder nac = settingBefore.containsKey("mist_nac") && !settingBefore.isNull("mist_nac")
                ? Json.createObjectBuilder(settingBefore.getJsonObject("mist_nac")) : Json.createObjectBuilder();
        nac.add("idps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", ssoId)
                .add("user_realms", Json.createArrayBuilder().add("turnstile.test"))));
        var updated = put("/api/v1/orgs/" + org + "/setting",
                Json.createObjectBuilder().add("mist_nac", nac).build().toString());
        assertEquals(200, updated.status(), updated.body());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (org != null && settingBefore != null) {
            JsonObjectBuilder nac = settingBefore.containsKey("mist_nac") && !settingBefore.isNull("mist_nac")
                    ? Json.createObjectBuilder(settingBefore.getJsonObject("mist_nac")) : Json.createObjectBuilder();
            nac.add("idps", Json.createArrayBuilder());
            put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder().add("mist_nac", nac).build().toString());
        }
        if (ssoId != null) {
            delete("/api/v1/orgs/" + org + "/ssos/" + ssoId);
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @AfterEach
    void stopProxy() throws InterruptedException {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    static EapolTest.Result ttls(int port, String secret, String mac, String user, String password) {
        return EapolTest.ttlsPap(dir, port, secret, mac, OUTER, user, password, dir.resolve("ca.pem"), 30);
    }

    @Test
    void rightPasswordOverUdpIsAcceptedWithMatchingMppeKeys() throws Exception {
        var r = ttls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e2:00:01",
                "alice@turnstile.test", "alice-Pa55");
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject permit = waitForEvent(org, "02:00:00:e2:00:01", "NAC_CLIENT_PERMIT");
        assertEquals("eap-ttls", permit.getString("auth_type"));
        assertEquals("alice@turnstile.test", permit.getString("username"), "the inner identity, not the anonymous one");
        JsonObject authc = waitForEvent(org, "02:00:00:e2:00:01", "NAC_IDP_AUTHC_SUCCESS");
        assertEquals(ssoId, authc.getString("idp_id"));
    }

    @Test
    void rightPasswordOverTls13IsAcceptedWithMatchingMppeKeys() throws Exception {
        var r = EapolTest.ttlsPap(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e2:00:13",
                OUTER, "alice@turnstile.test", "alice-Pa55", dir.resolve("ca.pem"), 30, true);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.tls13(), "RFC 9427: TTLS over TLS 1.3: " + r.output());
        assertTrue(r.mppeKeysMatch(), "exporter with Type-Code 21: " + r.output());
        assertEquals("alice@turnstile.test", waitForEvent(org, "02:00:00:e2:00:13", "NAC_CLIENT_PERMIT")
                .getString("username"));
    }

    @Test
    void rightPasswordThroughRadsecproxyIsAcceptedWithMatchingMppeKeys() throws Exception {
        int port = startProxy();
        var r = ttls(port, "proxy-secret", "02:00:00:e2:01:01", "alice@turnstile.test", "alice-Pa55");
        assertTrue(r.succeeded(), r.output() + proxy.log());
        assertTrue(r.mppeKeysMatch(), r.output());
    }

    @Test
    void wrongPasswordIsRejectedWithAnAuthenticationFailureEvent() throws Exception {
        var r = ttls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e2:00:02",
                "alice@turnstile.test", "alice-pa55");
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject e = waitForEvent(org, "02:00:00:e2:00:02", "NAC_IDP_AUTHC_FAILURE");
        assertEquals("alice@turnstile.test", e.getString("idp_username"));
        JsonObject deny = waitForEvent(org, "02:00:00:e2:00:02", "NAC_CLIENT_DENY");
        assertEquals("eap-ttls", deny.getString("auth_type"));
        assertFalse(e.toString().contains("alice-pa55"), "the password is in no event");
    }

    @Test
    void lockedUserIsRejectedWithAUserDisabledEvent() throws Exception {
        var r = ttls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e2:00:03",
                "bob@turnstile.test", "bob-Pa55");
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        waitForEvent(org, "02:00:00:e2:00:03", "NAC_IDP_USER_DISABLED");
    }

    /**
     * A hung directory (slapd stopped with SIGSTOP: connections are accepted, nothing answers): the TTLS login ends
     * in Access-Reject once the IdP timeouts expire, with NAC_IDP_UNREACHABLE, and MAB requests are answered while
     * the LDAP call is still waiting.
     */
    @Test
    void hungDirectoryRejectsAndMabIsStillAnswered() throws Exception {
        slapd.pause();
        try {
            CompletableFuture<EapolTest.Result> login = CompletableFuture.supplyAsync(() -> ttls(
                    TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e2:00:04",
                    "alice@turnstile.test", "alice-Pa55"));
            List<Radclient.Result> mabWhileWaiting = new ArrayList<>();
            while (!login.isDone()) {
                var mab = Radclient.auth(Radclient.mab("02:00:00:e2:00:a" + (mabWhileWaiting.size() % 10)));
                if (!login.isDone()) {
                    mabWhileWaiting.add(mab);
                }
            }
            var r = login.get();
            assertFalse(r.succeeded(), r.output());
            assertTrue(r.rejected(), r.output());
            waitForEvent(org, "02:00:00:e2:00:04", "NAC_IDP_UNREACHABLE");
            assertFalse(mabWhileWaiting.isEmpty(), "MAB was sent while the TTLS login waited for the directory");
            for (var mab : mabWhileWaiting) {
                assertTrue(mab.accepted() || mab.rejected(), "MAB answered during the directory hang: " + mab.output());
            }
        } finally {
            slapd.resume();
        }
    }

    /** A group-based rule: nactag match idp_role (directory group) → VLAN nactag. */
    @Test
    void directoryGroupRuleGivesTheVlan() throws Exception {
        String base = "/api/v1/orgs/" + org;
        var match = post(base + "/nactags", "{\"name\": \"ttls-it-wifi-users\", \"type\": \"match\","
                + " \"match\": \"idp_role\", \"values\": [\"wifi-users\"]}");
        assertEquals(200, match.status(), match.body());
        var vlan = post(base + "/nactags", "{\"name\": \"ttls-it-vlan\", \"type\": \"vlan\", \"vlan\": \"321\"}");
        assertEquals(200, vlan.status(), vlan.body());
        var rule = post(base + "/nacrules", "{\"name\": \"TTLS wifi-users -> VLAN 321\", \"order\": 1,"
                + " \"action\": \"allow\", \"matching\": {\"auth_type\": \"eap-ttls\", \"nactags\": [\""
                + match.json().getString("id") + "\"]}, \"apply_tags\": [\"" + vlan.json().getString("id") + "\"]}");
        assertEquals(200, rule.status(), rule.body());
        try {
            var r = ttls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e2:00:05",
                    "alice@turnstile.test", "alice-Pa55");
            assertTrue(r.succeeded(), r.output());
            assertTrue(r.mppeKeysMatch(), r.output());
            JsonObject permit = waitForEvent(org, "02:00:00:e2:00:05", "NAC_CLIENT_PERMIT");
            assertEquals("321", permit.getString("vlan"));
            assertEquals("TTLS wifi-users -> VLAN 321", permit.getString("nacrule_name"));
        } finally {
            delete(base + "/nacrules/" + rule.json().getString("id"));
            delete(base + "/nactags/" + vlan.json().getString("id"));
            delete(base + "/nactags/" + match.json().getString("id"));
        }
    }


    private int startProxy() throws Exception {
        proxy = Radsecproxy.startWithOrgCertificate(dir, org, "radsecproxy-ttls-it");
        return proxy.port();
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }
}
