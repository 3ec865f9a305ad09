package io.turnstile.eap.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.junit.jupiter.api.Test;

/** The X25519 ECDHE of the EAP TLS engine against RFC 7748 §6.1's Diffie-Hellman example. */
class X25519DomainTest {

    static final HexFormat HEX = HexFormat.of();
    static final byte[] ALICE_PRIVATE = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    static final byte[] ALICE_PUBLIC = HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    static final byte[] BOB_PUBLIC = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    static final byte[] SHARED = HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    /** Hands out Alice's private key as the "random" scalar. */
    static SecureRandom alice() {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(ALICE_PRIVATE, 0, bytes, 0, bytes.length);
            }
        };
    }

    static TlsAgreement agreement(SecureRandom random) {
        return new NativeFirstTlsCrypto(random).createECDomain(new TlsECConfig(NamedGroup.x25519)).createECDH();
    }

    @Test
    void rfc7748SharedSecret() throws Exception {
        TlsAgreement a = agreement(alice());
        assertArrayEquals(ALICE_PUBLIC, a.generateEphemeral());
        a.receivePeerValue(BOB_PUBLIC);
        assertArrayEquals(SHARED, a.calculateSecret().extract());
    }

    @Test
    void otherGroupsStayWithTheJcaDomain() {
        assertEquals("JceTlsECDomain", new NativeFirstTlsCrypto(new SecureRandom())
                .createECDomain(new TlsECConfig(NamedGroup.secp256r1)).getClass().getSimpleName());
    }

    @Test
    void smallOrderPeerPointAndWrongLengthAreRefused() throws Exception {
        TlsAgreement a = agreement(new SecureRandom());
        a.generateEphemeral();
        a.receivePeerValue(new byte[32]); // the point 0: every shared secret is all zero
        TlsFatalAlert zero = assertThrows(TlsFatalAlert.class, a::calculateSecret);
        assertEquals(AlertDescription.illegal_parameter, zero.getAlertDescription());
        TlsFatalAlert shortKey = assertThrows(TlsFatalAlert.class, () -> a.receivePeerValue(new byte[31]));
        assertEquals(AlertDescription.illegal_parameter, shortKey.getAlertDescription());
    }
}
