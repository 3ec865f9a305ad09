package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the SAML response entry point (outside input posted to the ACS). Whatever the bytes,
 * {@link SamlResponseValidator#validatePost} and {@link SamlResponseValidator#validate} return an outcome and never
 * throw; a failure always has a reason and a describable text.
 *
 * <p>Under plain {@code mvn test} it runs in regression mode over the seeds in
 * {@code src/test/resources/io/turnstile/sso/SamlFuzzTestInputs/validate/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class SamlFuzzTest {

    private static final Clock CLOCK = Clock.fixed(SamlResponseValidatorTest.NOW, ZoneOffset.UTC);
    private static final SpEndpoints SP = SpEndpoints.of("https://nac.example.test", "s4t5vwv8");
    private static final SamlSsoConfig SSO = SamlResponseValidatorTest.config("s4t5vwv8", SamlSsoConfig.SignAlgo.SHA256, false);

    @FuzzTest(maxDuration = "5m")
    void validate(byte[] data) {
        SamlResponseValidator v = new SamlResponseValidator(CLOCK, new AssertionReplayCache(CLOCK, 16),
                new PendingAuthnRequests(CLOCK, new SecureRandom(), Duration.ofMinutes(5), 16));
        check(v.validate(SSO, SP, data));
        check(v.validatePost(SSO, SP, new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    private static void check(SamlOutcome o) {
        assertNotNull(o);
        if (o instanceof SamlLoginFailure f) {
            assertNotNull(f.reason());
            assertFalse(f.describe().isBlank());
        } else {
            SamlLogin login = (SamlLogin) o;
            assertTrue(login.nameId() != null && !login.nameId().isBlank());
        }
    }
}
