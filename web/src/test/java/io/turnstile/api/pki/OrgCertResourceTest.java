package io.turnstile.api.pki;

import io.turnstile.pki.CertificateIssuer;
import io.turnstile.pki.CertifiedKey;
import io.turnstile.pki.OrgCertificateAuthority;
import io.turnstile.pki.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resource translates: PEM out of the service's certificates, the service's answer for each call. */
class OrgCertResourceTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static CertificateIssuer issuer;
    static CertifiedKey ca;
    static X509Certificate client;

    /** Records calls; answers from one CA. */
    static final class Authority implements OrgCertificateAuthority {
        final List<String> calls = new ArrayList<>();

        @Override
        public X509Certificate caCertificate(String orgId) {
            calls.add("ca " + orgId);
            return ca.certificate();
        }

        @Override
        public List<OrgCa> organisationCas() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CertifiedKey serverCredentials(String orgId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int ensureAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public X509Certificate issueClientCertificate(String orgId, String cn, PublicKey key, Duration validity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedCertificate issueClientCertificate(String orgId, String commonName, String csrPem) {
            calls.add("issue " + orgId + " " + commonName + " " + csrPem);
            return new IssuedCertificate(client, ca.certificate());
        }
    }

    @BeforeAll
    static void pki() throws Exception {
        var random = new SecureRandom();
        issuer = new CertificateIssuer(random);
        ca = issuer.createCa("Acme", NOW);
        var g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        client = issuer.issueClientCertificate(ca, "radsecproxy-it", g.generateKeyPair().getPublic(), NOW,
                Duration.ofDays(1));
    }

    private static OrgCertResource resource(Authority authority) {
        var r = new OrgCertResource();
        r.authority = authority;
        return r;
    }

    @Test
    void getAnswersTheCaCertificateAsPem() {
        var authority = new Authority();
        CertificateJson json = resource(authority).get("org-1");
        assertTrue(json.cert().startsWith("-----BEGIN CERTIFICATE-----"), json.cert());
        assertEquals(ca.certificate(), Pem.parseCertificate(json.cert()));
        assertNull(json.pendingCert());
        assertNull(json.pendingCertExpiry());
        assertEquals(List.of("ca org-1"), authority.calls);
    }

    @Test
    void issueClientAnswersCertificateAndCa() {
        var authority = new Authority();
        var json = resource(authority).issueClient("org-1",
                new IssueClientCertificateJson("radsecproxy-it", "-----BEGIN CERTIFICATE REQUEST-----..."));
        assertEquals(client, Pem.parseCertificate(json.cert()));
        assertEquals(ca.certificate(), Pem.parseCertificate(json.ca()));
        assertEquals(List.of("issue org-1 radsecproxy-it -----BEGIN CERTIFICATE REQUEST-----..."), authority.calls);
    }

    @Test
    void issueClientWithoutCsrDoesNotReachTheService() {
        var authority = new Authority();
        // ApiError builds a JAX-RS Response, which needs the runtime's RuntimeDelegate (absent in unit tests);
        // what matters here is that the call is refused before the service.
        assertThrows(RuntimeException.class, () -> resource(authority).issueClient("org-1", null));
        assertThrows(RuntimeException.class, () -> resource(authority).issueClient("org-1",
                new IssueClientCertificateJson("x", " ")));
        assertTrue(authority.calls.isEmpty());
    }
}
