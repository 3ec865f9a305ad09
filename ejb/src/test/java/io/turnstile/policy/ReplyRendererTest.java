package io.turnstile.policy;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2868;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyRendererTest {

    private static PolicyDecision allow(String vlan, String role, String name) {
        return new PolicyDecision(true, vlan, "usermac", role, name, "test", null, null, null, List.of());
    }

    private static RadiusPacket packet(List<RadiusAttribute> attributes) {
        return new RadiusPacket(2, 1, new byte[16], attributes);
    }

    @Test
    void vlanIsRenderedAsRfc3580TunnelAttributes() {
        var p = packet(ReplyRenderer.acceptAttributes(allow("120", null, null), "generic"));
        assertEquals(Rfc2868.VLAN, p.first(Rfc2868.TUNNEL_TYPE).orElseThrow().taggedIntValue());
        assertEquals(Rfc2868.IEEE_802, p.first(Rfc2868.TUNNEL_MEDIUM_TYPE).orElseThrow().taggedIntValue());
        assertEquals("120", p.string(Rfc2868.TUNNEL_PRIVATE_GROUP_ID).orElseThrow());
        assertTrue(p.first(Rfc2865.FILTER_ID).isEmpty());
    }

    @Test
    void roleFollowsTheVendorTable() {
        var generic = packet(ReplyRenderer.acceptAttributes(allow(null, "staff", null), "cisco-ios"));
        assertEquals("staff", generic.string(Rfc2865.FILTER_ID).orElseThrow());
        var aruba = packet(ReplyRenderer.acceptAttributes(allow(null, "staff", null), "aruba"));
        assertTrue(aruba.first(Rfc2865.FILTER_ID).isEmpty());
        assertEquals("staff", new String(aruba.vendorAttribute(14823, 1).orElseThrow().value()));
        var hpe = packet(ReplyRenderer.acceptAttributes(allow(null, "staff", null), "hpe"));
        assertTrue(hpe.vendorAttribute(14823, 1).isPresent() && hpe.first(Rfc2865.FILTER_ID).isPresent());
    }

    @Test
    void endpointNameOverridesUserName() {
        var p = packet(ReplyRenderer.acceptAttributes(allow(null, null, "printer-1"), "generic"));
        assertEquals("printer-1", p.string(Rfc2865.USER_NAME).orElseThrow());
        assertEquals(1, p.attributes().size());
    }

    @Test
    void vlanAndGroupPolicyTagFollowTheVendorTable() {
        var byName = new PolicyDecision(true, "Employees", "nactag", null, null, "t", null, "r", "r", List.of(),
                true, new ReplyExtras(List.of("1voice"), 3600, 100, List.of(), null), null, null);
        var aruba = packet(ReplyRenderer.acceptAttributes(byName, "aruba"));
        assertEquals("Employees", new String(aruba.vendorAttribute(14823, 9).orElseThrow().value()));
        assertEquals("Employees", aruba.string(Rfc2868.TUNNEL_PRIVATE_GROUP_ID).orElseThrow());
        assertTrue(aruba.vendorAttribute(9, 1).isEmpty(), "no TrustSec tag for Aruba");
        var cisco = packet(ReplyRenderer.acceptAttributes(byName, "cisco-ios"));
        assertEquals("cts:security-group-tag=0064-00", new String(cisco.vendorAttribute(9, 1).orElseThrow().value()));
        assertEquals("1voice", cisco.string(58).orElseThrow());
        assertEquals(3600, cisco.first(Rfc2865.SESSION_TIMEOUT).orElseThrow().intValue());
        var paloalto = packet(ReplyRenderer.acceptAttributes(new PolicyDecision(true, "10", "nactag", "admins", null,
                "t", null, null, null, List.of()), "paloalto"));
        assertTrue(paloalto.first(Rfc2868.TUNNEL_PRIVATE_GROUP_ID).isEmpty(), "a firewall gets no VLAN");
        assertEquals("admins", new String(paloalto.vendorAttribute(25461, 5).orElseThrow().value()));
    }
}
