package io.turnstile.bench;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusCodec;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.UserPasswordHiding;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds MAB Access-Requests as a switch or access point sends them (RFC 3580 §3.20, §3.21): User-Name and
 * User-Password are the MAC as 12 lower-case hex digits (the password hidden per RFC 2865 §5.2), Service-Type =
 * Call-Check, Calling-Station-Id {@code AA-BB-CC-DD-EE-FF}, NAS-IP-Address 127.0.0.1, NAS-Port-Type = 19
 * (Wireless-802.11), and a Message-Authenticator (RFC 3579 §3.2) placed first, which both servers require.
 */
final class MabRequestEncoder {

    private static final RadiusAttribute SERVICE_TYPE =
            RadiusAttribute.ofInt(Rfc2865.SERVICE_TYPE, Rfc2865.SERVICE_TYPE_CALL_CHECK);
    private static final RadiusAttribute NAS_PORT_TYPE =
            RadiusAttribute.ofInt(Rfc2865.NAS_PORT_TYPE, Rfc2865.NAS_PORT_TYPE_WIRELESS_802_11);
    private static final RadiusAttribute NAS_IP =
            RadiusAttribute.ofAddress(Rfc2865.NAS_IP_ADDRESS, InetAddress.getLoopbackAddress());

    private final byte[] secret;
    private final byte[][] userName;
    private final byte[][] callingStationId;
    private final byte[][] vlan;

    MabRequestEncoder(int macs, byte[] secret) {
        this.secret = secret;
        userName = new byte[macs][];
        callingStationId = new byte[macs][];
        vlan = new byte[macs][];
        for (int i = 0; i < macs; i++) {
            userName[i] = Endpoints.mac(i).getBytes(StandardCharsets.US_ASCII);
            callingStationId[i] = Endpoints.callingStationId(i).getBytes(StandardCharsets.US_ASCII);
            vlan[i] = Endpoints.vlan(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** An encoded Access-Request for endpoint {@code mac} with the given identifier and Request Authenticator. */
    byte[] encode(int identifier, int mac, byte[] requestAuthenticator) {
        byte[] name = userName[mac];
        List<RadiusAttribute> attrs = Arrays.asList(
                new RadiusAttribute(Rfc2865.USER_NAME, name),
                new RadiusAttribute(Rfc2865.USER_PASSWORD, UserPasswordHiding.hide(name, secret, requestAuthenticator)),
                SERVICE_TYPE,
                new RadiusAttribute(Rfc2865.CALLING_STATION_ID, callingStationId[mac]),
                NAS_IP,
                NAS_PORT_TYPE);
        return RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, identifier, requestAuthenticator, attrs, secret, true);
    }

    /** The VLAN both servers are configured to assign to endpoint {@code mac}, as ASCII. */
    byte[] expectedVlan(int mac) {
        return vlan[mac];
    }
}
