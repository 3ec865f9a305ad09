package io.turnstile.radius.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets for the parsers of outside input. Only {@link MalformedPacketException} and
 * {@link IllegalArgumentException} may escape them; anything else (index errors, NPEs, ...) is a finding.
 *
 * <p>Under plain {@code mvn test} each method runs in regression mode over the seeds in
 * {@code src/test/resources/io/turnstile/radius/codec/CodecFuzzTestInputs/<method>/} (plus an empty input). With
 * {@code JAZZER_FUZZ=1} and one method selected it fuzzes; see {@code jca-radius-connector/fuzz/run-campaign.sh}.
 */
class CodecFuzzTest {

    private static final RadiusDictionary DICT = RadiusDictionary.standard();
    private static final byte[] SECRET = "fuzz-secret".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] data) {
        RadiusPacket p;
        try {
            p = RadiusCodec.decode(data, 0, data.length);
        } catch (MalformedPacketException e) {
            assertNotNull(e.reason());
            if (e.reason() != MalformedPacketException.Reason.UNKNOWN_CODE) {
                // The verifiers share the well-formedness rules: a malformed packet never verifies.
                assertFalse(RadiusCodec.verifyResponseAuthenticator(data, 0, data.length, new byte[16], SECRET));
                assertFalse(RadiusCodec.verifyRequestMessageAuthenticator(data, 0, data.length, SECRET));
            }
            return;
        }
        // Re-encoding gives back exactly the octets up to Length (RFC 2865 §3: the rest is padding).
        int length = (data[2] & 0xFF) << 8 | (data[3] & 0xFF);
        assertArrayEquals(Arrays.copyOf(data, length), RadiusCodec.encode(p));
        assertTrue(RadiusCodec.isKnownCode(p.code()));

        // Lookups, flattening and formatting never throw on a decoded packet.
        for (RadiusAttribute a : p.attributes()) {
            assertNotNull(DICT.format(a));
            assertTrue(p.first(a.type()).isPresent());
            if (a.type() == Rfc2865.VENDOR_SPECIFIC && a.value().length >= 4) {
                List<VendorAttribute> subs = new RadiusPacket(p.code(), 0, p.authenticator(), List.of(a)).vendorAttributes();
                assertFalse(subs.isEmpty());
                subs.forEach(v -> assertNotNull(DICT.format(v)));
                if (subs.size() == 1) {
                    assertEquals(a, subs.get(0).toAttribute());   // one sub-attribute wraps back to the same VSA
                }
            }
        }
        p.vendorAttributes();
        Rfc3579.joinEapMessage(p).ifPresent(eap -> assertTrue(eap.length <= length));
        RadiusCodec.verifyMessageAuthenticator(data, 0, data.length, p.authenticator(), SECRET);
        RadiusCodec.verifyRequestMessageAuthenticator(data, 0, data.length, SECRET);
        RadiusCodec.verifyResponseAuthenticator(data, 0, data.length, new byte[16], SECRET);
        if (p.code() == Rfc2866.ACCOUNTING_REQUEST || p.code() == Rfc5176.COA_REQUEST
                || p.code() == Rfc5176.DISCONNECT_REQUEST) {
            RadiusCodec.verifyRequestAuthenticator(data, 0, data.length, SECRET);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void loadDictionary(byte[] data) {
        RadiusDictionary d;
        try {
            d = RadiusDictionary.load(DICT, new StringReader(new String(data, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            return;
        }
        // Every definition is reachable by its number and its name.
        for (AttributeDefinition def : d.attributes()) {
            assertEquals(def, d.byCode(def.vendorId(), def.type()).orElseThrow());
            assertTrue(d.byName(def.name()).isPresent(), def.name());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void parseAssignment(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        RadiusAttribute a;
        try {
            a = DICT.parseAssignment(text);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
            return;
        }
        // format() is the inverse of parseAssignment() for everything that is not hidden.
        String formatted = DICT.format(a);
        if (!formatted.contains("<hidden>")) {
            assertEquals(a, DICT.parseAssignment(formatted), formatted);
        }
    }
}
