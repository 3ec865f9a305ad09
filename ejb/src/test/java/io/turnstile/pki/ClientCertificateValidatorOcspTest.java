package io.turnstile.pki;

import io.turnstile.pki.CertificateValidation.Outcome;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.turnstile.pki.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * OCSP over the whole client chain: the leaf, then each intermediate CA up to the trust anchor, each asked with its own
 * issuer; the anchor is never asked. The responders are a fake {@link OcspClient} answering per certificate.
 */
class ClientCertificateValidatorOcspTest {

    static final Instant FROM = NOW.minus(Duration.ofDays(1));
    static final Instant UNTIL = NOW.plus(Duration.ofDays(100));
    static final OcspSettings FAIL_OPEN = new OcspSettings(true, Duration.ofSeconds(1), true);
    static final OcspSettings FAIL_CLOSED = new OcspSettings(true, Duration.ofSeconds(1), false);
    static final OcspVerdict GOOD = new OcspVerdict.Good(NOW, null);
    static final Instant REVOKED_AT = NOW.minus(Duration.ofHours(3));
    static final OcspVerdict REVOKED = new OcspVerdict.Revoked(REVOKED_AT, null);

    static final KeyPair ROOT_KEYS = TestPki.ec("secp256r1");
    /** The org's trusted CA; it names a responder too, which must not be asked (it is the anchor). */
    static final X509Certificate ROOT = ca("Chain Root", ROOT_KEYS, "Chain Root", ROOT_KEYS, new BasicConstraints(true));
    static final KeyPair INTERMEDIATE_KEYS = TestPki.ec("secp256r1");
    static final X509Certificate INTERMEDIATE = ca("Chain Intermediate", INTERMEDIATE_KEYS, "Chain Root", ROOT_KEYS,
            new BasicConstraints(0));
    static final X509Certificate LEAF = leaf("chain-leaf", "Chain Intermediate", INTERMEDIATE_KEYS);
    /** A leaf the root issued itself: a chain without intermediates. */
    static final X509Certificate DIRECT_LEAF = leaf("direct-leaf", "Chain Root", ROOT_KEYS);

    static X509Certificate ca(String cn, KeyPair keys, String issuer, KeyPair issuerKeys, BasicConstraints bc) {
        return TestPki.certificate(cn, keys, new X500Principal("CN=" + issuer), issuerKeys.getPrivate(), FROM, UNTIL,
                bc, url(cn));
    }

    static X509Certificate leaf(String cn, String issuer, KeyPair issuerKeys) {
        return TestPki.certificate(cn, TestPki.ec("secp256r1"), new X500Principal("CN=" + issuer),
                issuerKeys.getPrivate(), FROM, UNTIL, new BasicConstraints(false), url(cn),
                KeyPurposeId.id_kp_clientAuth);
    }

    static String url(String cn) {
        return "http://127.0.0.1:1/" + cn.replace(' ', '-');
    }

    /** Answers per certificate (no status for one it was not told about) and notes who was asked, in order. */
    static final class Responders implements OcspClient {
        final Map<X509Certificate, OcspVerdict> verdicts = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        Responders answer(X509Certificate certificate, OcspVerdict verdict) {
            verdicts.put(certificate, verdict);
            return this;
        }

        @Override
        public OcspVerdict status(X509Certificate certificate, X509Certificate issuer, URI responder,
                                  Duration timeout) {
            asked.add(certificate.getSubjectX500Principal().getName() + " of " + issuer.getSubjectX500Principal()
                    .getName() + " at " + responder);
            return verdicts.getOrDefault(certificate, new OcspVerdict.NoStatus("not set up"));
        }
    }

    static CertificateValidation validate(List<X509Certificate> chain, OcspSettings settings, Responders responders) {
        return ClientCertificateValidator.validate(chain, List.of(ROOT), List.of(), new OcspCheck(settings, responders),
                NOW);
    }

    static final String LEAF_ASKED = "CN=chain-leaf of CN=Chain Intermediate at http://127.0.0.1:1/chain-leaf";
    static final String INTERMEDIATE_ASKED =
            "CN=Chain Intermediate of CN=Chain Root at http://127.0.0.1:1/Chain-Intermediate";

    @Test
    void aRevokedIntermediateRejectsAGoodLeaf() {
        var responders = new Responders().answer(LEAF, GOOD).answer(INTERMEDIATE, REVOKED);
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE), FAIL_OPEN, responders);
        assertEquals(Outcome.REVOKED, v.outcome(), v.reason());
        assertEquals("NAC_CLIENT_CERT_REVOKED", v.outcome().eventType());
        assertEquals(CertificateValidation.OCSP_REVOKED, v.ocsp());
        assertEquals("CN=Chain Intermediate", v.ocspRevokedSubject());
        assertEquals("intermediate CA certificate " + INTERMEDIATE.getSerialNumber().toString(16)
                + " (CN=Chain Intermediate) is revoked by its OCSP responder (revoked at " + REVOKED_AT + ")",
                v.reason());
        assertEquals("chain-leaf", v.facts().cn()); // the facts stay the leaf's
        assertEquals(List.of(LEAF_ASKED, INTERMEDIATE_ASKED), responders.asked);
    }

    @Test
    void anIntermediateWithoutStatusIsAcceptedWhenFailOpen() {
        var responders = new Responders().answer(LEAF, GOOD)
                .answer(INTERMEDIATE, new OcspVerdict.NoStatus("OCSP responder http://x/ unreachable"));
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE), FAIL_OPEN, responders);
        assertEquals(Outcome.VALID, v.outcome(), v.reason());
        assertEquals(CertificateValidation.OCSP_UNAVAILABLE, v.ocsp());
        assertNull(v.ocspRevokedSubject());
        assertEquals("client certificate is valid; OCSP status unavailable (intermediate CA CN=Chain Intermediate: "
                + "OCSP responder http://x/ unreachable), accepted: fail_open", v.reason());
        assertEquals(List.of(LEAF_ASKED, INTERMEDIATE_ASKED), responders.asked);
    }

    @Test
    void anIntermediateWithoutStatusIsRejectedWhenFailClosed() {
        var responders = new Responders().answer(LEAF, GOOD)
                .answer(INTERMEDIATE, new OcspVerdict.NoStatus("OCSP responder http://x/ unreachable"));
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE), FAIL_CLOSED, responders);
        assertEquals(Outcome.INVALID, v.outcome(), v.reason());
        assertEquals(CertificateValidation.OCSP_UNAVAILABLE, v.ocsp());
        assertEquals("OCSP status unavailable (intermediate CA CN=Chain Intermediate: OCSP responder http://x/ "
                + "unreachable), rejected: fail_open is false", v.reason());
    }

    @Test
    void aChainAllGoodIsValid() {
        var responders = new Responders().answer(LEAF, GOOD).answer(INTERMEDIATE, GOOD).answer(ROOT, REVOKED);
        // the client sends the root along: it is the trust anchor, not part of the path (RFC 5280 §6.1)
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE, ROOT), FAIL_CLOSED, responders);
        assertEquals(Outcome.VALID, v.outcome(), v.reason());
        assertEquals(CertificateValidation.OCSP_GOOD, v.ocsp());
        assertEquals("client certificate is valid (OCSP good)", v.reason());
        assertEquals(List.of(LEAF_ASKED, INTERMEDIATE_ASKED), responders.asked);
    }

    /** An intermediate the org trusts itself anchors the chain: it is not asked about, though its issuer is known. */
    @Test
    void aTrustedIntermediateIsAnAnchorAndIsNotAsked() {
        var responders = new Responders().answer(LEAF, GOOD).answer(INTERMEDIATE, REVOKED);
        CertificateValidation v = ClientCertificateValidator.validate(List.of(LEAF, INTERMEDIATE, ROOT),
                List.of(ROOT, INTERMEDIATE), List.of(), new OcspCheck(FAIL_CLOSED, responders), NOW);
        assertEquals(Outcome.VALID, v.outcome(), v.reason());
        assertEquals(CertificateValidation.OCSP_GOOD, v.ocsp());
        assertEquals(List.of(LEAF_ASKED), responders.asked);
    }

    @Test
    void aRevokedIntermediateOutweighsALeafWithoutStatus() {
        var responders = new Responders().answer(INTERMEDIATE, REVOKED); // the leaf: no status
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE), FAIL_CLOSED, responders);
        assertEquals(Outcome.REVOKED, v.outcome(), v.reason());
        assertEquals("CN=Chain Intermediate", v.ocspRevokedSubject());
    }

    @Test
    void aRevokedLeafIsReportedWithoutAskingFurther() {
        var responders = new Responders().answer(LEAF, REVOKED).answer(INTERMEDIATE, GOOD);
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE), FAIL_OPEN, responders);
        assertEquals(Outcome.REVOKED, v.outcome(), v.reason());
        assertEquals("CN=chain-leaf", v.ocspRevokedSubject());
        assertEquals(List.of(LEAF_ASKED), responders.asked);
    }

    /** With only a leaf under the trusted CA, the outcomes and reasons are those of the leaf-only check. */
    @Test
    void aLeafOnlyChainIsCheckedAsBefore() {
        String asked = "CN=direct-leaf of CN=Chain Root at http://127.0.0.1:1/direct-leaf";
        for (List<X509Certificate> chain : List.of(List.of(DIRECT_LEAF), List.of(DIRECT_LEAF, ROOT))) {
            var good = new Responders().answer(DIRECT_LEAF, GOOD).answer(ROOT, REVOKED);
            CertificateValidation v = validate(chain, FAIL_CLOSED, good);
            assertEquals(new CertificateValidation(Outcome.VALID, "client certificate is valid (OCSP good)",
                    v.facts(), CertificateValidation.OCSP_GOOD), v);
            assertEquals(List.of(asked), good.asked);

            v = validate(chain, FAIL_OPEN, new Responders().answer(DIRECT_LEAF, REVOKED));
            assertEquals(new CertificateValidation(Outcome.REVOKED, "certificate "
                    + DIRECT_LEAF.getSerialNumber().toString(16) + " (CN=direct-leaf) is revoked by its OCSP responder"
                    + " (revoked at " + REVOKED_AT + ")", v.facts(), CertificateValidation.OCSP_REVOKED,
                    "CN=direct-leaf"), v);

            var down = new Responders().answer(DIRECT_LEAF, new OcspVerdict.NoStatus("OCSP responder http://x/ unreachable"));
            v = validate(chain, FAIL_CLOSED, down);
            assertEquals(new CertificateValidation(Outcome.INVALID, "OCSP status unavailable (OCSP responder "
                    + "http://x/ unreachable), rejected: fail_open is false", v.facts(),
                    CertificateValidation.OCSP_UNAVAILABLE), v);
            v = validate(chain, FAIL_OPEN, down);
            assertEquals(new CertificateValidation(Outcome.VALID, "client certificate is valid; OCSP status "
                    + "unavailable (OCSP responder http://x/ unreachable), accepted: fail_open", v.facts(),
                    CertificateValidation.OCSP_UNAVAILABLE), v);
        }
    }

    @Test
    void noOneIsAskedWhenOcspIsOff() {
        var responders = new Responders().answer(LEAF, REVOKED).answer(INTERMEDIATE, REVOKED);
        CertificateValidation v = validate(List.of(LEAF, INTERMEDIATE), OcspSettings.DISABLED, responders);
        assertEquals(new CertificateValidation(Outcome.VALID, "client certificate is valid", v.facts()), v);
        assertEquals(List.of(), responders.asked);
    }

    /** Leaf under four intermediates, all naming a responder: four are asked, the fifth has no status. */
    @Test
    void noMoreThanFourCertificatesOfAChainAreAsked() {
        List<X509Certificate> chain = new ArrayList<>();
        var responders = new Responders();
        String issuer = "Chain Root";
        KeyPair issuerKeys = ROOT_KEYS;
        for (int i = 1; i <= 4; i++) {
            KeyPair keys = TestPki.ec("secp256r1");
            X509Certificate ca = ca("Level " + i, keys, issuer, issuerKeys, new BasicConstraints(true));
            chain.add(0, ca);
            responders.answer(ca, GOOD);
            issuer = "Level " + i;
            issuerKeys = keys;
        }
        X509Certificate leaf = leaf("deep-leaf", issuer, issuerKeys);
        chain.add(0, leaf);
        responders.answer(leaf, GOOD);

        CertificateValidation open = validate(chain, FAIL_OPEN, responders);
        assertEquals(Outcome.VALID, open.outcome(), open.reason());
        assertEquals(CertificateValidation.OCSP_UNAVAILABLE, open.ocsp());
        assertEquals("client certificate is valid; OCSP status unavailable (intermediate CA CN=Level 1: not asked, "
                + "more than 4 certificates of the chain name an OCSP responder), accepted: fail_open", open.reason());
        assertEquals(List.of("CN=deep-leaf", "CN=Level 4", "CN=Level 3", "CN=Level 2"),
                responders.asked.stream().map(a -> a.substring(0, a.indexOf(" of "))).toList());
        assertEquals(Outcome.INVALID, validate(chain, FAIL_CLOSED, new Responders()).outcome());
    }
}
