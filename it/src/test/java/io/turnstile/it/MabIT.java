package io.turnstile.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MAC Authentication Bypass end to end: real radclient → RADIUS adapter → MDB → endpoints database → reply. */
class MabIT {

    static String org;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        var created = post("/api/v1/orgs/" + org + "/usermacs", """
                {"mac": "00:1B:2C:3D:4E:01", "name": "printer-1", "vlan": "120", "role": "printers", "labels": ["it"]}
                """);
        assertTrue(created.status() == 200 || created.body().contains("already"), created.toString());
    }

    @Test
    void knownEndpointIsAcceptedWithItsVlanRoleAndName() {
        var result = Radclient.auth(Radclient.mab("001b2c3d4e01"));
        assertTrue(result.accepted(), result.output());
        String out = result.output();
        assertTrue(result.has("Tunnel-Type", "VLAN"), out);
        assertTrue(result.has("Tunnel-Medium-Type", "IEEE-802"), out);
        assertTrue(result.has("Tunnel-Private-Group-Id", "\"120\""), out);
        assertTrue(result.has("Filter-Id", "\"printers\""), out);
        assertTrue(result.has("User-Name", "\"printer-1\""), out);
        assertTrue(out.contains("Message-Authenticator"), out);
    }

    @Test
    void unknownMacIsRejected() {
        var result = Radclient.auth(Radclient.mab("001b2c3d4eff"));
        assertTrue(result.rejected(), result.output());
        assertTrue(!result.output().contains("Tunnel-Private-Group-Id"), result.output());
    }

    @Test
    void decisionsAreRecordedAsNacEvents() throws InterruptedException {
        assertTrue(Radclient.auth(Radclient.mab("001b2c3d4e01")).accepted());
        assertTrue(Radclient.auth(Radclient.mab("001b2c3d4eff")).rejected());
        JsonObject permit = waitForEvent(org, "001b2c3d4e01", "NAC_CLIENT_PERMIT");
        assertEquals("mab", permit.getString("auth_type"));
        assertEquals("120", permit.getString("vlan"));
        assertEquals("wireless", permit.getString("port_type"));
        assertEquals("Corp-IoT", permit.getString("ssid"));
        JsonObject deny = waitForEvent(org, "001b2c3d4eff", "NAC_CLIENT_DENY");
        assertEquals("mab", deny.getString("auth_type"));
    }

}
