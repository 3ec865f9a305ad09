package io.turnstile.it;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusCodec;
import io.turnstile.radius.codec.Rfc2865;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Datagrams that radclient cannot produce: from another loopback source address, byte-identical retransmissions,
 * garbage. Built with Turnstile's codec; what they test is the adapter's handling of source, duplicates and junk.
 */
final class RawRadius implements AutoCloseable {

    private final DatagramSocket socket;

    RawRadius(String sourceAddress) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.setSoTimeout(2000);
    }

    static byte[] mabRequest(String mac, String secret, boolean withMessageAuthenticator, int identifier) {
        byte[] authenticator = new byte[16];
        new SecureRandom().nextBytes(authenticator);
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(RadiusAttribute.ofString(Rfc2865.USER_NAME, mac));
        attributes.add(RadiusAttribute.ofBytes(Rfc2865.USER_PASSWORD,
                io.turnstile.radius.codec.UserPasswordHiding.hide(mac.getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8), authenticator)));
        attributes.add(RadiusAttribute.ofString(Rfc2865.CALLING_STATION_ID, mac));
        attributes.add(RadiusAttribute.ofInt(Rfc2865.NAS_PORT_TYPE, 15));
        return RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, identifier, authenticator, attributes,
                secret.getBytes(StandardCharsets.UTF_8), withMessageAuthenticator);
    }

    void send(byte[] data, int port) throws IOException {
        socket.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The next datagram received, or null after the timeout. */
    byte[] receive() throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(p);
            return Arrays.copyOf(buffer, p.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
