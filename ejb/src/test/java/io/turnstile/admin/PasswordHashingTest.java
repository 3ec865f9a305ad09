package io.turnstile.admin;

import io.turnstile.platform.InvalidRequestException;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hashing parameters with Jakarta Security's reference Pbkdf2PasswordHash (what Payara runs). */
class PasswordHashingTest {

    static final Pbkdf2PasswordHashImpl HASH = new Pbkdf2PasswordHashImpl();

    @BeforeAll
    static void init() {
        HASH.initialize(PasswordRules.HASH_PARAMETERS);
    }

    @Test
    void hashesAreSaltedSha512WithTheConfiguredIterations() {
        String a = HASH.generate("correct horse battery".toCharArray());
        String b = HASH.generate("correct horse battery".toCharArray());
        assertTrue(a.startsWith("PBKDF2WithHmacSHA512:210000:"), a);
        assertNotEquals(a, b, "a fresh salt per hash");
        assertFalse(a.contains("correct"), "no password in the stored text");
    }

    @Test
    void verifyAcceptsThePasswordOnly() {
        String stored = HASH.generate("correct horse battery".toCharArray());
        assertTrue(HASH.verify("correct horse battery".toCharArray(), stored));
        assertFalse(HASH.verify("correct horse batterY".toCharArray(), stored));
        assertFalse(HASH.verify(new char[0], stored));
    }

    @Test
    void shortAndHugePasswordsAreRefused() {
        assertThrows(InvalidRequestException.class, () -> PasswordRules.check("short-pw"));
        assertThrows(InvalidRequestException.class, () -> PasswordRules.check(null));
        assertThrows(InvalidRequestException.class, () -> PasswordRules.check("x".repeat(257)));
        PasswordRules.check("twelve chars");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> PasswordRules.check("secret-pw"));
        assertFalse(e.getMessage().contains("secret-pw"), "the message never shows the password");
    }
}
