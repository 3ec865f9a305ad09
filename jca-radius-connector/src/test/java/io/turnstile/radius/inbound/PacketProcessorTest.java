package io.turnstile.radius.inbound;

import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadiusControlListener;
import io.turnstile.radius.api.RadiusListener;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.api.Transport;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusCodec;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2866;
import io.turnstile.radius.codec.Rfc2869;
import io.turnstile.radius.codec.Rfc5997;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAResource;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter's per-packet rules, with in-memory endpoints standing in for the MDBs. */
class PacketProcessorTest {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.US_ASCII);
    private static final InetSocketAddress NAS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("192.0.2.9", 40000);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final AtomicInteger authCalls = new AtomicInteger();
    private final AtomicInteger acctCalls = new AtomicInteger();
    private boolean requireMessageAuthenticator = true;
    private AdapterCounters counters;
    private PacketProcessor processor;

    @BeforeEach
    void setUp() {
        counters = new AdapterCounters();
        Endpoints endpoints = new Endpoints(100);
        endpoints.activateControl(factory(RadiusControlListener.class, new RadiusControlListener() {
            @Override
            public Optional<NasClient> resolveClient(InetAddress source) {
                return source.isLoopbackAddress() ? Optional.of(new NasClient("org", "cluster", "127.0.0.1", SECRET,
                        "generic", null, requireMessageAuthenticator)) : Optional.empty();
            }

            @Override
            public Optional<NasClient> resolveRadsecClient(List<java.security.cert.X509Certificate> chain, InetAddress a) {
                return Optional.empty();
            }

            @Override
            public Optional<io.turnstile.radius.api.RadsecCredentials> radsecCredentials() {
                return Optional.empty();
            }

            @Override
            public void listenerStateChanged(io.turnstile.radius.api.ListenerState state) {
            }

            @Override
            public void adapterStatistics(java.util.Map<String, Long> counters) {
            }
        }));
        endpoints.activateService(RadiusActivationSpec.AUTHENTICATION, factory(RadiusListener.class, request -> {
            authCalls.incrementAndGet();
            return RadiusReply.of(Rfc2865.ACCESS_ACCEPT, List.of(RadiusAttribute.ofString(Rfc2865.FILTER_ID, "ok")));
        }));
        endpoints.activateService(RadiusActivationSpec.ACCOUNTING, factory(RadiusListener.class, request -> {
            acctCalls.incrementAndGet();
            return RadiusReply.of(Rfc2866.ACCOUNTING_RESPONSE, List.of());
        }));
        processor = new PacketProcessor(endpoints, new NasClientCache(CLOCK, 5000, 100),
                new DuplicateCache(CLOCK, 5000, 1000), counters, CLOCK);
    }

    private static byte[] accessRequest(int id, boolean messageAuthenticator, RadiusAttribute... extra) {
        byte[] authenticator = new byte[16];
        authenticator[0] = (byte) id;
        List<RadiusAttribute> attributes = new java.util.ArrayList<>(List.of(
                RadiusAttribute.ofString(Rfc2865.USER_NAME, "001b2c3d4e5f"),
                RadiusAttribute.ofString(Rfc2865.PROXY_STATE, "proxy-1")));
        attributes.addAll(List.of(extra));
        return RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, id, authenticator, attributes, SECRET,
                messageAuthenticator);
    }

    private byte[] auth(byte[] packet) {
        return processor.process(Transport.UDP, RadiusActivationSpec.AUTHENTICATION, NAS, packet, packet.length, null);
    }

    @Test
    void validRequestIsAnsweredWithMessageAuthenticatorFirstAndProxyStateEchoed() throws Exception {
        byte[] request = accessRequest(1, true);
        byte[] response = auth(request);
        assertNotNull(response);
        assertEquals(Rfc2865.ACCESS_ACCEPT, response[0]);
        assertEquals(Rfc2869.MESSAGE_AUTHENTICATOR, response[20] & 0xff, "Message-Authenticator is the first attribute");
        byte[] requestAuthenticator = java.util.Arrays.copyOfRange(request, 4, 20);
        assertTrue(RadiusCodec.verifyResponseAuthenticator(response, 0, response.length, requestAuthenticator, SECRET));
        assertTrue(RadiusCodec.verifyMessageAuthenticator(response, 0, response.length, requestAuthenticator, SECRET));
        var decoded = RadiusCodec.decode(response, 0, response.length);
        assertEquals("proxy-1", decoded.string(Rfc2865.PROXY_STATE).orElseThrow(), "RFC 2865 §5.33");
        assertEquals(1, authCalls.get());
    }

    @Test
    void missingMessageAuthenticatorIsDroppedUnlessTheClientOptedOut() {
        assertNull(auth(accessRequest(2, false)));
        assertEquals(1, counters.droppedCount(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        assertEquals(0, authCalls.get());
        requireMessageAuthenticator = false;
        setUpKeepingFlag();
        assertNotNull(auth(accessRequest(3, false)));
    }

    private void setUpKeepingFlag() {
        boolean flag = requireMessageAuthenticator;
        setUp();
        requireMessageAuthenticator = flag;
    }

    @Test
    void eapWithoutMessageAuthenticatorIsDroppedEvenWhenOptedOut() {
        requireMessageAuthenticator = false;
        setUpKeepingFlag();
        byte[] eap = accessRequest(4, false, RadiusAttribute.ofBytes(Rfc2869.EAP_MESSAGE, new byte[]{2, 1, 0, 5, 1}));
        assertNull(auth(eap), "RFC 3579 §3.3");
        assertEquals(1, counters.droppedCount(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
    }

    @Test
    void tamperedMessageAuthenticatorIsDropped() {
        byte[] request = accessRequest(5, true);
        request[request.length - 1] ^= 1; // flips a byte of the last attribute, after Message-Authenticator was computed
        assertNull(auth(request));
        assertEquals(1, counters.droppedCount(DropReason.BAD_MESSAGE_AUTHENTICATOR));
    }

    @Test
    void unknownClientIsDroppedWithoutCallingTheApplication() {
        byte[] request = accessRequest(6, true);
        assertNull(processor.process(Transport.UDP, RadiusActivationSpec.AUTHENTICATION, STRANGER, request,
                request.length, null));
        assertEquals(1, counters.droppedCount(DropReason.UNKNOWN_CLIENT));
        assertEquals(0, authCalls.get());
    }

    @Test
    void retransmissionGetsTheCachedReplyWithoutASecondEvaluation() {
        byte[] request = accessRequest(7, true);
        byte[] first = auth(request);
        byte[] second = auth(request.clone());
        assertArrayEquals(first, second);
        assertEquals(1, authCalls.get(), "RFC 5080 §2.2.2");
        assertEquals(1L, counters.snapshot().get("duplicates_answered"));
    }

    @Test
    void malformedAndWrongCodesAreDroppedAndCounted() {
        byte[] request = accessRequest(8, true);
        byte[] truncated = java.util.Arrays.copyOf(request, request.length - 3);
        assertNull(auth(truncated));
        assertEquals(1, counters.droppedCount(DropReason.MALFORMED));
        byte[] accounting = RadiusCodec.encodeRequest(Rfc2866.ACCOUNTING_REQUEST, 9, null,
                List.of(RadiusAttribute.ofInt(Rfc2866.ACCT_STATUS_TYPE, Rfc2866.START)), SECRET, false);
        assertNull(auth(accounting), "Accounting-Request on the authentication port");
        assertEquals(1, counters.droppedCount(DropReason.UNEXPECTED_CODE));
    }

    @Test
    void accountingNeedsAValidRequestAuthenticator() {
        byte[] accounting = RadiusCodec.encodeRequest(Rfc2866.ACCOUNTING_REQUEST, 10, null,
                List.of(RadiusAttribute.ofInt(Rfc2866.ACCT_STATUS_TYPE, Rfc2866.START)), SECRET, false);
        byte[] ok = processor.process(Transport.UDP, RadiusActivationSpec.ACCOUNTING, NAS, accounting,
                accounting.length, null);
        assertNotNull(ok);
        assertEquals(Rfc2866.ACCOUNTING_RESPONSE, ok[0]);
        // The Message-Authenticator of an Accounting-Response is computed over a zeroed authenticator (as FreeRADIUS).
        assertTrue(RadiusCodec.verifyMessageAuthenticator(ok, 0, ok.length, new byte[16], SECRET));
        byte[] forged = RadiusCodec.encodeRequest(Rfc2866.ACCOUNTING_REQUEST, 11, null,
                List.of(RadiusAttribute.ofInt(Rfc2866.ACCT_STATUS_TYPE, Rfc2866.START)),
                "other".getBytes(StandardCharsets.US_ASCII), false);
        assertNull(processor.process(Transport.UDP, RadiusActivationSpec.ACCOUNTING, NAS, forged, forged.length, null));
        assertEquals(1, counters.droppedCount(DropReason.BAD_AUTHENTICATOR));
        assertEquals(1, acctCalls.get());
    }

    @Test
    void statusServerIsAnsweredByTheAdapter() {
        byte[] authenticator = new byte[16];
        authenticator[3] = 3;
        byte[] status = RadiusCodec.encodeRequest(Rfc5997.STATUS_SERVER, 12, authenticator, List.of(), SECRET, true);
        byte[] reply = auth(status);
        assertNotNull(reply);
        assertEquals(Rfc2865.ACCESS_ACCEPT, reply[0], "RFC 5997 §3");
        assertEquals(0, authCalls.get());
    }

    /** A MessageEndpointFactory whose endpoints are the given listener plus the MessageEndpoint methods. */
    @SuppressWarnings("unchecked")
    private static <L> MessageEndpointFactory factory(Class<L> type, L listener) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource xaResource) {
                return createEndpoint(xaResource, 0);
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
                return (MessageEndpoint) Proxy.newProxyInstance(type.getClassLoader(),
                        new Class<?>[]{type, MessageEndpoint.class}, (proxy, method, args) -> {
                            if (method.getDeclaringClass() == MessageEndpoint.class) {
                                return null;
                            }
                            return method.invoke(listener, args);
                        });
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return false;
            }

            @Override
            public String getActivationName() {
                return type.getSimpleName();
            }

            @Override
            public Class<?> getEndpointClass() {
                return type;
            }
        };
    }
}
