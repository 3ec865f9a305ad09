package io.turnstile.radius;

import io.turnstile.endpoints.MacAddress;
import io.turnstile.policy.AccessRequestFacts;
import io.turnstile.policy.AuthType;
import io.turnstile.policy.PortType;
import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2869;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Reads the policy facts out of an Access-Request. Pure; no I/O. */
public final class AccessRequestFactsReader {

    private AccessRequestFactsReader() {
    }

    /** Empty when the request is neither EAP nor MAB (e.g. a PAP login with a non-MAC user name). */
    public static Optional<AccessRequestFacts> read(RadiusPacket packet, NasClient client, InetAddress source) {
        String userName = packet.string(Rfc2865.USER_NAME).orElse(null);
        Optional<MacAddress> calling = packet.string(Rfc2865.CALLING_STATION_ID).flatMap(MacAddress::parse);
        boolean eap = packet.first(Rfc2869.EAP_MESSAGE).isPresent();
        AuthType authType;
        MacAddress mac;
        if (eap) {
            authType = AuthType.EAP_TLS; // refined by the EAP engine once it exists; for now only "not MAB"
            mac = calling.orElse(null);
        } else {
            // MAB: the NAS sends the client's MAC as User-Name (RFC 3580 §3.20 lets the NAS pick the format; Cisco
            // also marks it with Service-Type = Call-Check, RFC 2865 §5.6).
            Optional<MacAddress> fromUserName = userName == null ? Optional.empty() : MacAddress.parse(userName);
            boolean callCheck = packet.integer(Rfc2865.SERVICE_TYPE).orElse(-1) == Rfc2865.SERVICE_TYPE_CALL_CHECK;
            if (fromUserName.isEmpty() && !(callCheck && calling.isPresent())) {
                return Optional.empty();
            }
            authType = AuthType.MAB;
            mac = fromUserName.or(() -> calling).orElseThrow();
        }
        String calledStationId = packet.string(Rfc2865.CALLED_STATION_ID).orElse(null);
        return Optional.of(new AccessRequestFacts(client.orgId(), client.siteId(), authType, userName, mac,
                nasIp(packet, source), packet.string(Rfc2865.NAS_IDENTIFIER).orElse(null), client.vendor(),
                PortType.fromNasPortType(packet.integer(Rfc2865.NAS_PORT_TYPE).orElse(null)),
                ssid(calledStationId), calledStationId));
    }

    /**
     * RFC 3580 §3.20: Called-Station-Id is {@code AA-BB-CC-DD-EE-FF:SSID} on 802.11; the SSID follows the colon after
     * the MAC. Some vendors write the MAC colon-separated ({@code aa:bb:cc:dd:ee:ff:SSID}), so the MAC is 12 or 17
     * characters long; anything else carries no SSID.
     */
    static String ssid(String calledStationId) {
        if (calledStationId == null) {
            return null;
        }
        for (int macLength : new int[]{17, 14, 12}) {
            if (calledStationId.length() > macLength + 1 && calledStationId.charAt(macLength) == ':'
                    && MacAddress.parse(calledStationId.substring(0, macLength)).isPresent()) {
                return calledStationId.substring(macLength + 1);
            }
        }
        return null;
    }

    static String nasIp(RadiusPacket packet, InetAddress source) {
        return packet.first(Rfc2865.NAS_IP_ADDRESS).filter(a -> a.value().length == 4).map(a -> {
            try {
                return InetAddress.getByAddress(a.value()).getHostAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }).orElse(source.getHostAddress());
    }
}
