package io.turnstile.events;

import io.turnstile.persistence.events.NacClientRow;
import io.turnstile.persistence.events.NacEventRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NacClientMergeTest {

    static NacEventRow ev(String type, long ts, String vlan, String ssid, String username) {
        return new NacEventRow("id-" + ts, "org", null, ts, type, "aabbccddeeff", username, "eap-tls", "wireless",
                "192.0.2.1", "juniper", ssid, vlan, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void firstEventCreatesTheClient() {
        NacClientRow c = NacClientMerge.apply(null, List.of(ev("NAC_CLIENT_PERMIT", 100, "10", "corp", "alice")));
        assertEquals("permitted", c.status());
        assertEquals("10", c.vlan());
        assertEquals(100, c.firstSeen());
        assertEquals(100, c.lastSeen());
        assertEquals("NAC_CLIENT_PERMIT", c.lastType());
    }

    @Test
    void appliesEventsInTimeOrderWhateverTheirOrderInTheBatch() {
        NacClientRow c = NacClientMerge.apply(null, List.of(
                ev("NAC_CLIENT_DENY", 300, null, "corp", "alice"),
                ev("NAC_CLIENT_PERMIT", 100, "10", "corp", "alice")));
        assertEquals("denied", c.status());
        assertNull(c.vlan(), "the later decision had no VLAN");
        assertEquals(100, c.firstSeen());
        assertEquals(300, c.lastSeen());
    }

    @Test
    void olderEventsOnlyMoveFirstSeen() {
        NacClientRow c = NacClientMerge.apply(null, List.of(ev("NAC_CLIENT_PERMIT", 500, "20", "corp", "alice")));
        c = NacClientMerge.apply(c, List.of(ev("NAC_CLIENT_DENY", 200, null, "guest", "mallory")));
        assertEquals("permitted", c.status());
        assertEquals("20", c.vlan());
        assertEquals("alice", c.username());
        assertEquals(200, c.firstSeen());
        assertEquals(500, c.lastSeen());
    }

    @Test
    void sessionEventsKeepTheDecisionFields() {
        NacClientRow c = NacClientMerge.apply(null, List.of(ev("NAC_CLIENT_PERMIT", 100, "10", "corp", "alice"),
                ev("NAC_SESSION_STARTED", 200, null, null, null)));
        assertEquals("session_started", c.status());
        assertEquals("10", c.vlan());
        assertEquals("corp", c.ssid());
        assertEquals("alice", c.username());
        c = NacClientMerge.apply(c, List.of(ev("NAC_SOMETHING_ELSE", 300, null, null, null)));
        assertEquals("session_started", c.status(), "unknown types leave the status");
        assertEquals("NAC_SOMETHING_ELSE", c.lastType());
        assertEquals(300, c.lastSeen());
    }

    @Test
    void statusMapping() {
        assertEquals("permitted", NacClientMerge.statusOf("NAC_CLIENT_PERMIT"));
        assertEquals("denied", NacClientMerge.statusOf("NAC_CLIENT_DENY"));
        assertEquals("session_ended", NacClientMerge.statusOf("NAC_SESSION_ENDED"));
        assertNull(NacClientMerge.statusOf("NAC_IDP_AUTHC_SUCCESS"));
    }

    static NacEventRow withCert(String type, long ts, String facts) {
        return new NacEventRow("id-" + ts, "org", null, ts, type, "aabbccddeeff", "jo", "eap-tls", "wireless",
                "192.0.2.1", "juniper", null, null, null, null, null, null, null, null, null, null, facts);
    }

    @Test
    void aDecisionCarriesItsCertificateAndTheNextDecisionReplacesIt() {
        NacClientRow c = NacClientMerge.apply(null, List.of(withCert("NAC_CLIENT_PERMIT", 100,
                "{\"cert_cn\":\"jo-laptop\",\"cert_serial\":\"0a1b\",\"cert_expiry\":1800000000,\"realm\":\"x\"}")));
        assertEquals("{\"last_cert_cn\":\"jo-laptop\",\"last_cert_serial\":\"0a1b\",\"last_cert_expiry\":1800000000}",
                c.lastCert());
        // a later non-decision event keeps it; a later decision without a certificate (MAB) clears it
        c = NacClientMerge.apply(c, List.of(withCert("NAC_SESSION_STARTED", 200, null)));
        assertEquals("jo-laptop", io.turnstile.platform.JsonText.parseObject(c.lastCert()).get("last_cert_cn"));
        c = NacClientMerge.apply(c, List.of(withCert("NAC_CLIENT_PERMIT", 300, "{\"realm\":\"x\"}")));
        assertNull(c.lastCert());
    }
}
