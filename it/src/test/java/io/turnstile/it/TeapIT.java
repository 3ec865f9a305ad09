package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static io.turnstile.it.TurnstileUnderTest.delete;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TEAP (RFC 7170) with EAP chaining, driven by a TEAP-capable eapol_test built from Debian's wpa 2.10 source
 * ({@code it/scripts/eapol-test-teap.sh}, path in {@code -Dturnstile.it.eapolTestTeap}): anonymous outer identity,
 * inner EAP-TLS with the machine certificate, then with the user certificate, each confirmed by Crypto-Binding; the
 * MPPE keys Turnstile sends must equal the MSK eapol_test derived from the last S-IMCK. Certificate checks come out
 * as the Machine/User NAC events, and a rule can tell a machine + user login from a machine-only and a user-only one.
 * Machine only: a peer that answers the user request without a user identity (Windows with nobody signed in: an empty
 * identity; wpa_supplicant with machine credentials alone: its Identity-Type TLV only) is accepted in the default
 * chaining mode; {@code TURNSTILE_EAP_TEAP_IDENTITY=machine-or-user} (an instance of its own) never asks for the user.
 */
class TeapIT {

    static final String OUTER = "anonymous@corp.example";
    static final String MACHINE = "teap-pc1.corp.example";
    static final String USER = "teap-it-user";
    static String org;
    static Path dir;
    static String eapolTest;
    Radsecproxy proxy;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        eapolTest = System.getProperty("turnstile.it.eapolTestTeap", "");
        // Not an assumption: without the TEAP-capable build the suite must fail, not skip TEAP silently.
        assertFalse(eapolTest.isBlank(), "no TEAP-capable eapol_test: it/scripts/eapol-test-teap.sh must run first"
                + " (test-suite.sh passes its path as -Dturnstile.it.eapolTestTeap)");
        assertTrue(Files.isExecutable(Path.of(eapolTest)), eapolTest + " is not executable");
        org = TurnstileUnderTest.ensureRadiusClients();
        dir = Files.createTempDirectory(Path.of("target"), "teap").toAbsolutePath();
        var ca = get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("ca.pem"), ca.json().getString("cert"));
        issue("machine", MACHINE);
        issue("user", USER);
        // A user certificate from a CA nobody trusts.
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=TEAP Rogue CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                "-keyout", p("rogue-ca.key"), "-out", p("rogue-ca.pem"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=teap-it-rogue-user",
                "-CA", p("rogue-ca.pem"), "-CAkey", p("rogue-ca.key"), "-addext", "extendedKeyUsage=clientAuth",
                "-keyout", p("rogue.key"), "-out", p("rogue.pem"));
    }

    @AfterEach
    void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void machineThenUserChainingOverUdpIsAcceptedWithMatchingMppeKeys() throws Exception {
        var r = teap(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e5:00:01", "user", true);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        assertTrue(r.output().contains("EAP-TEAP: Identity-Type: 2"), "the server asked for the machine first");
        JsonObject permit = waitForEvent(org, "02:00:00:e5:00:01", "NAC_CLIENT_PERMIT");
        assertEquals("eap-teap", permit.getString("auth_type"));
        assertEquals(USER, permit.getString("username"), "the user is the identity policy sees, not the outer one");
        assertEquals(MACHINE, permit.getString("hostname"), "the machine certificate names the host");
        JsonObject machine = waitForEvent(org, "02:00:00:e5:00:01", "NAC_CLIENT_MACHINE_CERT_CHECK_SUCCESS");
        assertEquals(MACHINE, machine.getString("cert_cn"));
        assertEquals("NAC Client Machine Certificate Validation Success", machine.getString("text"));
        JsonObject user = waitForEvent(org, "02:00:00:e5:00:01", "NAC_CLIENT_USER_CERT_CHECK_SUCCESS");
        assertEquals(USER, user.getString("cert_cn"));
        assertNotNull(user.getString("cert_serial"));
    }

    /**
     * The key schedule follows the tunnel's suite (RFC 7170 §5.3, as hostapd): SHA-256 PRF with HMAC-SHA256 for a
     * GCM-SHA256 suite, HMAC-SHA1 Compound MACs for a legacy CBC-SHA suite (the default pick above is a SHA-384 suite).
     */
    @Test
    void sha256AndSha1SuitesGiveMatchingKeys() throws Exception {
        for (String[] suite : new String[][]{{"ECDHE-RSA-AES128-GCM-SHA256", "HMAC-SHA256", "02:00:00:e5:00:06"},
                {"ECDHE-RSA-AES128-SHA", "HMAC-SHA1", "02:00:00:e5:00:07"}}) {
            var r = EapolTest.teap(eapolTest, dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, suite[2],
                    OUTER, dir.resolve("ca.pem"), USER, dir.resolve("user.pem"), dir.resolve("user.key"),
                    "host/" + MACHINE, dir.resolve("machine.pem"), dir.resolve("machine.key"),
                    "openssl_ciphers=\"" + suite[0] + "\"");
            assertTrue(r.succeeded(), suite[0] + ": " + r.output());
            assertTrue(r.mppeKeysMatch(), suite[0] + ": " + r.output());
            assertTrue(r.output().contains("EAP-TEAP: MAC algorithm: " + suite[1]), suite[0]);
        }
    }

    @Test
    void chainingThroughRadsecproxyIsAcceptedWithMatchingMppeKeys() throws Exception {
        proxy = Radsecproxy.startWithOrgCertificate(dir, org, "radsecproxy-teap-it");
        var r = teap(proxy.port(), Radsecproxy.SECRET, "02:00:00:e5:00:02", "user", true);
        assertTrue(r.succeeded(), r.output() + proxy.log());
        assertTrue(r.mppeKeysMatch(), r.output());
    }

    @Test
    void untrustedUserCertificateIsRejectedWithTheUserEvent() throws Exception {
        var r = teap(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e5:00:03", "rogue", true);
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject deny = waitForEvent(org, "02:00:00:e5:00:03", "NAC_CLIENT_DENY");
        assertEquals("eap-teap", deny.getString("auth_type"));
        JsonObject failure = waitForEvent(org, "02:00:00:e5:00:03", "NAC_CLIENT_USER_CERT_CHECK_FAILURE");
        assertEquals("teap-it-rogue-user", failure.getString("cert_cn"));
        assertEquals("NAC Client User Certificate Validation Failure", failure.getString("text"));
        waitForEvent(org, "02:00:00:e5:00:03", "NAC_CLIENT_MACHINE_CERT_CHECK_SUCCESS");
    }

    /**
     * A rule on the machine's host name (nactag match {@code hostname}) and the user's name gives machine + user logins
     * their VLAN; the host name alone catches machine-only logins (user_name and cert_* are then the machine's); a peer
     * without machine credentials (it answers the machine request as the user) falls to the last rule.
     */
    @Test
    void rulesTellMachinePlusUserFromMachineOnlyAndUserOnly() throws Exception {
        String base = "/api/v1/orgs/" + org;
        var host = post(base + "/nactags", "{\"name\": \"teap-it-corp-machines\", \"type\": \"match\","
                + " \"match\": \"hostname\", \"values\": [\"teap-pc*.corp.example\"]}");
        assertEquals(200, host.status(), host.body());
        var user = post(base + "/nactags", "{\"name\": \"teap-it-users\", \"type\": \"match\","
                + " \"match\": \"user_name\", \"values\": [\"" + USER + "\"]}");
        assertEquals(200, user.status(), user.body());
        var vlan = post(base + "/nactags", "{\"name\": \"teap-it-vlan\", \"type\": \"vlan\", \"vlan\": \"611\"}");
        assertEquals(200, vlan.status(), vlan.body());
        var restricted = post(base + "/nactags", "{\"name\": \"teap-it-machine-vlan\", \"type\": \"vlan\","
                + " \"vlan\": \"612\"}");
        assertEquals(200, restricted.status(), restricted.body());
        var both = post(base + "/nacrules", "{\"name\": \"TEAP machine and user -> VLAN 611\", \"order\": 1,"
                + " \"action\": \"allow\", \"matching\": {\"auth_type\": \"eap-teap\", \"nactags\": [\""
                + host.json().getString("id") + "\", \"" + user.json().getString("id") + "\"]}, \"apply_tags\": [\""
                + vlan.json().getString("id") + "\"]}");
        assertEquals(200, both.status(), both.body());
        var machineOnly = post(base + "/nacrules", "{\"name\": \"TEAP machine only -> VLAN 612\", \"order\": 2,"
                + " \"action\": \"allow\", \"matching\": {\"auth_type\": \"eap-teap\", \"nactags\": [\""
                + host.json().getString("id") + "\"]}, \"apply_tags\": [\"" + restricted.json().getString("id")
                + "\"]}");
        assertEquals(200, machineOnly.status(), machineOnly.body());
        var userOnly = post(base + "/nacrules", "{\"name\": \"TEAP user only\", \"order\": 3, \"action\": \"allow\","
                + " \"matching\": {\"auth_type\": \"eap-teap\"}, \"apply_tags\": []}");
        assertEquals(200, userOnly.status(), userOnly.body());
        try {
            var chained = teap(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e5:00:04", "user",
                    true);
            assertTrue(chained.succeeded(), chained.output());
            JsonObject p1 = waitForEvent(org, "02:00:00:e5:00:04", "NAC_CLIENT_PERMIT");
            assertEquals("TEAP machine and user -> VLAN 611", p1.getString("nacrule_name"), p1.toString());
            assertEquals("611", p1.getString("vlan"));

            var machine = machineOnly(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e5:00:08",
                    "");
            assertTrue(machine.succeeded(), machine.output());
            JsonObject p3 = waitForEvent(org, "02:00:00:e5:00:08", "NAC_CLIENT_PERMIT");
            assertEquals("TEAP machine only -> VLAN 612", p3.getString("nacrule_name"), p3.toString());
            assertEquals("612", p3.getString("vlan"));

            var alone = teap(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e5:00:05", "user",
                    false);
            assertTrue(alone.succeeded(), alone.output());
            assertTrue(alone.mppeKeysMatch(), alone.output());
            JsonObject p2 = waitForEvent(org, "02:00:00:e5:00:05", "NAC_CLIENT_PERMIT");
            assertEquals("TEAP user only", p2.getString("nacrule_name"), p2.toString());
            assertEquals(USER, p2.getString("username"));
            waitForEvent(org, "02:00:00:e5:00:05", "NAC_CLIENT_USER_CERT_CHECK_SUCCESS");
        } finally {
            delete(base + "/nacrules/" + both.json().getString("id"));
            delete(base + "/nacrules/" + machineOnly.json().getString("id"));
            delete(base + "/nacrules/" + userOnly.json().getString("id"));
            delete(base + "/nactags/" + vlan.json().getString("id"));
            delete(base + "/nactags/" + restricted.json().getString("id"));
            delete(base + "/nactags/" + user.json().getString("id"));
            delete(base + "/nactags/" + host.json().getString("id"));
        }
    }

    /**
     * Windows with nobody signed in answers the user request with an empty identity (eapol_test: {@code identity=""}):
     * Result success after the machine's Crypto-Binding, the MSK from S-IMCK[1], a login policy sees as the machine's.
     */
    @Test
    void aPeerAnsweringTheUserRequestWithAnEmptyIdentityIsAcceptedAsMachineOnly() throws Exception {
        assertMachineOnly("02:00:00:e5:00:09", "");
    }

    /** wpa_supplicant with machine credentials alone answers the user request with its Identity-Type TLV only. */
    @Test
    void aWpaSupplicantWithOnlyMachineCredentialsIsAcceptedAsMachineOnly() throws Exception {
        assertMachineOnly("02:00:00:e5:00:0a", null);
    }

    private static void assertMachineOnly(String mac, String userIdentity) throws Exception {
        var r = machineOnly(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, mac, userIdentity);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        assertTrue(r.output().contains("EAP-TEAP: Identity-Type: 1"), "the server asked for the user after the machine:"
                + r.output());
        JsonObject permit = waitForEvent(org, mac, "NAC_CLIENT_PERMIT");
        assertEquals("eap-teap", permit.getString("auth_type"));
        assertEquals(MACHINE, permit.getString("hostname"), "the machine certificate names the host");
        assertEquals(MACHINE, permit.getString("username"), "no user: policy sees the machine's identity");
        assertEquals(MACHINE, permit.getString("cert_cn"), "and the machine's certificate");
        JsonObject machine = waitForEvent(org, mac, "NAC_CLIENT_MACHINE_CERT_CHECK_SUCCESS");
        assertEquals(MACHINE, machine.getString("cert_cn"));
    }

    /**
     * {@code TURNSTILE_EAP_TEAP_IDENTITY=machine-or-user} (hostapd eap_teap_id=4), on a Turnstile of its own: one inner
     * method, whose Crypto-Binding goes with the Result; the machine-only wpa_supplicant is never asked for the user.
     */
    @Test
    void machineOrUserAcceptsAMachineOnlyWpaSupplicant() throws Exception {
        assumeTrue("h2".equals(System.getProperty("turnstile.profile", "h2")), "runs once, on the h2 profile");
        assumeTrue(TurnstileProcess.sparePortBase() > 0, "no spare ports given (turnstile.spare.port)");
        Path own = Files.createDirectories(dir.resolve("machine-or-user"));
        int port = TurnstileProcess.sparePortBase() + 4; // EventDurabilityIT has the first four
        try (TurnstileProcess ts = new TurnstileProcess(own.resolve("data"), port,
                Map.of("TURNSTILE_EAP_TEAP_IDENTITY", "machine-or-user")).start()) {
            String ownOrg = ts.addLocalRadiusClient(ts.orgId(), TurnstileUnderTest.SECRET);
            var ca = ts.call("GET", "/api/v1/orgs/" + ownOrg + "/cert", null);
            assertEquals(200, ca.status(), ca.body());
            Files.writeString(own.resolve("ca.pem"), ca.json().getString("cert"));
            issue(own, "machine", MACHINE, (path, body) -> ts.call("POST", path, body), ownOrg);

            var r = EapolTest.teap(eapolTest, own, ts.authPort(), TurnstileUnderTest.SECRET, "02:00:00:e5:00:0b",
                    OUTER, own.resolve("ca.pem"), null, null, null, "host/" + MACHINE, own.resolve("machine.pem"),
                    own.resolve("machine.key"));
            assertTrue(r.succeeded(), r.output());
            assertTrue(r.mppeKeysMatch(), r.output());
            assertFalse(r.output().contains("EAP-TEAP: Identity-Type: 1"), "the user is never asked for");
            JsonObject permit = waitForEvent(path -> ts.call("GET", path, null), ownOrg, "02:00:00:e5:00:0b",
                    "NAC_CLIENT_PERMIT");
            assertEquals(MACHINE, permit.getString("hostname"));
            assertEquals(MACHINE, permit.getString("username"));
        }
    }

    /** Machine credentials only; {@code userIdentity} null (none) or "" (an empty answer to the user request). */
    private static EapolTest.Result machineOnly(int port, String secret, String mac, String userIdentity) {
        return EapolTest.teap(eapolTest, dir, port, secret, mac, OUTER, dir.resolve("ca.pem"), userIdentity, null, null,
                "host/" + MACHINE, dir.resolve("machine.pem"), dir.resolve("machine.key"));
    }

    private static EapolTest.Result teap(int port, String secret, String mac, String user, boolean withMachine) {
        return EapolTest.teap(eapolTest, dir, port, secret, mac, OUTER, dir.resolve("ca.pem"),
                user.equals("user") ? USER : "teap-it-rogue-user", dir.resolve(user + ".pem"),
                dir.resolve(user + ".key"), "host/" + MACHINE, withMachine ? dir.resolve("machine.pem") : null,
                withMachine ? dir.resolve("machine.key") : null);
    }

    /** A key and a certificate the org CA issues ({@code cert/issue_client}). */
    private static void issue(String name, String cn) throws Exception {
        issue(dir, name, cn, TurnstileUnderTest::post, org);
    }

    private static void issue(Path in, String name, String cn,
                              BiFunction<String, String, TurnstileUnderTest.Response> post, String org)
            throws Exception {
        Path key = in.resolve(name + ".key");
        Path csr = in.resolve(name + ".csr");
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=" + cn);
        var issued = post.apply("/api/v1/orgs/" + org + "/cert/issue_client", Json.createObjectBuilder()
                .add("csr", Files.readString(csr)).build().toString());
        assertEquals(200, issued.status(), issued.body());
        Files.writeString(in.resolve(name + ".pem"), issued.json().getString("cert"));
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }
}
