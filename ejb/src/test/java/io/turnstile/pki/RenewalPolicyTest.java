package io.turnstile.pki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static io.turnstile.pki.TestPki.NOW;
import static io.turnstile.pki.TestPki.RANDOM;
import static io.turnstile.pki.TestPki.SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenewalPolicyTest {

    static CertifiedKey ca;
    static X509Certificate server;
    static Instant notAfter;

    @BeforeAll
    static void issue() {
        var issuer = new CertificateIssuer(RANDOM);
        ca = issuer.createCa("Acme", NOW);
        server = issuer.issueServerCertificate(ca, SERVER_NAME, NOW).certificate();
        notAfter = server.getNotAfter().toInstant();
    }

    private static String reason(Instant at) {
        return RenewalPolicy.renewalReason(server, SERVER_NAME, ca.certificate(), SERVER_NAME, at).orElse(null);
    }

    @Test
    void freshCertificateIsKept() {
        assertEquals(null, reason(NOW));
        assertEquals(null, reason(NOW.plus(Duration.ofDays(600))));
    }

    @Test
    void keptUntilThirtyDaysRemain() {
        assertEquals(null, reason(notAfter.minus(Duration.ofDays(30)).minusMillis(1)));
        assertTrue(reason(notAfter.minus(Duration.ofDays(30))).contains("less than 30 days"));
        assertTrue(reason(notAfter.minus(Duration.ofDays(29))).contains("less than 30 days"));
    }

    @Test
    void expiredCertificateIsRenewed() {
        assertTrue(reason(notAfter).startsWith("expired"));
        assertTrue(reason(notAfter.plus(Duration.ofDays(400))).startsWith("expired"));
    }

    @Test
    void anotherServerNameRenews() {
        String r = RenewalPolicy.renewalReason(server, SERVER_NAME, ca.certificate(), "radius.example.net", NOW)
                .orElseThrow();
        assertTrue(r.contains("radius.example.net"), r);
    }

    @Test
    void anotherCaRenews() {
        CertifiedKey other = new CertificateIssuer(RANDOM).createCa("Acme", NOW);
        // Same subject name, different key: only the signature tells them apart.
        assertEquals(ca.certificate().getSubjectX500Principal(), other.certificate().getSubjectX500Principal());
        String r = RenewalPolicy.renewalReason(server, SERVER_NAME, other.certificate(), SERVER_NAME, NOW)
                .orElseThrow();
        assertTrue(r.contains("CA"), r);
    }
}
