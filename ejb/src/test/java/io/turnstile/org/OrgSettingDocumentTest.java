package io.turnstile.org;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgSettingDocumentTest {

    /** EC P-256, basicConstraints cA=TRUE (keytool -ext bc:c). */
    static final String CA_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBjzCCATagAwIBAgIIcQBxDvfIDLwwCgYIKoZIzj0EAwIwMzEYMBYGA1UEChMP
            VHVybnN0aWxlIFRlc3RzMRcwFQYDVQQDEw5UZXN0IFJhZFNlYyBDQTAgFw0yNjEx
            MjUxMjI2MTlaGA8yMTI2MTEwMTEyMjYxOVowMzEYMBYGA1UEChMPVHVybnN0aWxl
            IFRlc3RzMRcwFQYDVQQDEw5UZXN0IFJhZFNlYyBDQTBZMBMGByqGSM49AgEGCCqG
            SM49AwEHA0IABHVn4bhoduZ8h2mhZDAnHszYLXBttHFynenMx2AOc63XnYhWvoHJ
            I/gCvofPsQdRjcfzU3k8VSzwB6S62e3cQaOjMjAwMB0GA1UdDgQWBBRLcFCQVZpO
            6rpEw3b5twlMb1qHejAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQC
            IHrHrNnJna5o/NZrvUnm4OHY+WslJo4pYnnB8MEpeGGpAiBNmh2OcoKvuxbM6gTs
            B71y6jzKX2fdc5D49CTZcvpDZw==
            -----END CERTIFICATE-----
            """;

    /** EC P-256 end-entity certificate, no basicConstraints. */
    static final String LEAF_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBfTCCASKgAwIBAgIJAOrAb3o4RyFtMAoGCCqGSM49BAMCMDExGDAWBgNVBAoT
            D1R1cm5zdGlsZSBUZXN0czEVMBMGA1UEAxMMbmFzMS5leGFtcGxlMCAXDTI2MTEy
            NTEyMjYyMloYDzIxMjYxMTAxMTIyNjIyWjAxMRgwFgYDVQQKEw9UdXJuc3RpbGUg
            VGVzdHMxFTATBgNVBAMTDG5hczEuZXhhbXBsZTBZMBMGByqGSM49AgEGCCqGSM49
            AwEHA0IABJ+2leSh3pOahuC65Rd0t4Pyc9L9AAQ2G+nsAOtQk54OlCo9i6l73cQK
            iVqHmTqqcPfzoAK9ko0O+VbkmJEudpejITAfMB0GA1UdDgQWBBRKebDJs14M7/4b
            ObFxX/jLQnlgsDAKBggqhkjOPQQDAgNJADBGAiEA+zhFBU9kgRIehICeVbf4TH1t
            2Ltrhcdqq8HetyJXHnwCIQCfh5IHefvqtSAmsuBA5K6FEFcmNAeR7g3AdSGYVPKB
            aQ==
            -----END CERTIFICATE-----
            """;

    @Test
    void mergesTopLevelFields() {
        Map<String, Object> stored = JsonText.parseObject("{\"a\":1,\"b\":{\"x\":1},\"c\":true}");
        Map<String, Object> changes = new LinkedHashMap<>(JsonText.parseObject(
                "{\"b\":{\"y\":2},\"c\":null,\"d\":\"new\",\"org_id\":\"ignored\",\"modified_time\":5}"));
        Map<String, Object> merged = OrgSettingDocument.merge(stored, changes);
        assertEquals("{\"a\":1,\"b\":{\"y\":2},\"d\":\"new\"}", JsonText.write(merged));
    }

    @Test
    void acceptsCaCertificatesForRadsec() {
        Map<String, Object> doc = Map.of("radsec", Map.of("cacerts", List.of(CA_PEM)));
        List<X509Certificate> cas = OrgSettingDocument.radsecCas(OrgSettingDocument.merge(Map.of(), doc));
        assertEquals(1, cas.size());
        assertTrue(cas.get(0).getSubjectX500Principal().getName().contains("Test RadSec CA"));
        // PEM whose line breaks arrived as "\n" escapes, as in the contract's examples
        String escaped = CA_PEM.strip().replace("\n", "\\n");
        assertEquals(1, OrgSettingDocument.radsecCas(Map.of("radsec", Map.of("cacerts", List.of(escaped)))).size());
        assertTrue(OrgSettingDocument.radsecCas(Map.of()).isEmpty());
    }

    @Test
    void refusesWhatIsNotACaCertificate() {
        assertRefused(Map.of("radsec", Map.of("cacerts", List.of(LEAF_PEM))), "not a CA");
        assertRefused(Map.of("radsec", Map.of("cacerts", List.of("hello"))), "PEM");
        assertRefused(Map.of("radsec", Map.of("cacerts", List.of(CA_PEM.replace("MIIB", "MIIC")))), "parsed");
        assertRefused(Map.of("radsec", Map.of("cacerts", List.of(CA_PEM + CA_PEM))), "exactly one");
        assertRefused(Map.of("radsec", Map.of("cacerts", CA_PEM)), "list");
        assertRefused(Map.of("radsec", Map.of("cacerts", List.of(5))), "string");
        assertRefused(Map.of("radsec", List.of()), "object");
        assertRefused(Map.of("radsec", Map.of("ca_certs", List.of())), "not a known field");
    }

    private static void assertRefused(Map<String, Object> changes, String expected) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> OrgSettingDocument.merge(Map.of(), changes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("MIIB"), "no certificate text in the message");
    }
}
