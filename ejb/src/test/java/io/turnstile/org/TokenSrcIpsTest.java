package io.turnstile.org;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's org_apitoken.src_ips: parsing and enforcement. */
class TokenSrcIpsTest {

    @Test
    void srcIpsAreAddressesOrPrefixesAtMostTen() {
        assertEquals(List.of(), TokenServiceBean.srcIps(null));
        assertEquals("[63.3.56.0/24, 63.3.55.4]", TokenServiceBean.srcIps(
                JsonText.parse("[\"63.3.56.0/24\", \"63.3.55.4\"]")).toString());
        assertThrows(InvalidRequestException.class, () -> TokenServiceBean.srcIps(JsonText.parse("[\"not-an-ip\"]")));
        assertThrows(InvalidRequestException.class, () -> TokenServiceBean.srcIps(JsonText.parse("\"10.0.0.1\"")));
        assertThrows(InvalidRequestException.class, () -> TokenServiceBean.srcIps(JsonText.parse(
                "[\"10.0.0.1\",\"10.0.0.2\",\"10.0.0.3\",\"10.0.0.4\",\"10.0.0.5\",\"10.0.0.6\",\"10.0.0.7\","
                        + "\"10.0.0.8\",\"10.0.0.9\",\"10.0.0.10\",\"10.0.0.11\"]")));
    }

    @Test
    void aTokenWorksFromItsSrcIpsOnly() throws Exception {
        ApiPrincipal fenced = new ApiPrincipal("t", "o", ApiRole.ADMIN, "n",
                TokenServiceBean.srcIps(JsonText.parse("[\"192.0.2.0/24\"]")));
        assertTrue(fenced.allowsSource(InetAddress.getByName("192.0.2.9").getAddress()));
        assertFalse(fenced.allowsSource(InetAddress.getByName("127.0.0.1").getAddress()));
        assertFalse(fenced.allowsSource(null), "an unknown source is outside");
        ApiPrincipal open = new ApiPrincipal("t", "o", ApiRole.ADMIN, "n");
        assertTrue(open.allowsSource(InetAddress.getByName("127.0.0.1").getAddress()));
    }
}
