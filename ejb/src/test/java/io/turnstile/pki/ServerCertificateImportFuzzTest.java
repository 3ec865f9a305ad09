package io.turnstile.pki;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.turnstile.platform.InvalidRequestException;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer target for the import of {@code setting.mist_nac.server_cert} (PEM chain, PEM/PKCS#8 key, optional password:
 * admin input). Whatever the text, the import either yields a key and chain or refuses with an
 * {@link InvalidRequestException} naming the field; nothing else escapes, and no message quotes the key. Under plain
 * {@code mvn test} it runs in regression mode over {@code src/test/resources/io/turnstile/pki/
 * ServerCertificateImportFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ServerCertificateImportFuzzTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @FuzzTest(maxDuration = "5m")
    void importPem(FuzzedDataProvider data) {
        String password = data.consumeBoolean() ? data.consumeString(40) : null;
        String key = "-----BEGIN " + (data.consumeBoolean() ? "ENCRYPTED " : "") + "PRIVATE KEY-----\n"
                + data.consumeString(2000) + "\n-----END PRIVATE KEY-----\n";
        String cert = data.consumeRemainingAsString();
        try {
            CertifiedKey k = ServerCertificateImport.validate(cert, key, password, NOW);
            assertNotNull(k.key());
        } catch (InvalidRequestException e) {
            assertTrue(e.getMessage().startsWith("mist_nac.server_cert"), e.getMessage());
            assertTrue(!e.getMessage().contains("PRIVATE KEY-----"), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void keyBlock(byte[] der) {
        // A well-framed PEM block around arbitrary DER: the ASN.1 and PKCS#8 decoders see hostile input.
        String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
        try {
            assertNotNull(ServerCertificateImport.parseKey(pem, null));
        } catch (InvalidRequestException e) {
            assertTrue(e.getMessage().startsWith("mist_nac.server_cert: key"), e.getMessage());
        }
    }
}
