package io.turnstile.api.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfCheckTest {

    static final String TOKEN = "k3Vq9ZrT0aBcDeFgHiJkLmNoPqRsTuVw";

    @Test
    void safeMethodsNeedNoToken() {
        for (String m : new String[]{"GET", "HEAD", "OPTIONS"}) {
            assertTrue(CsrfCheck.passes(m, TOKEN, null), m);
        }
    }

    @Test
    void changesNeedTheSessionsToken() {
        for (String m : new String[]{"POST", "PUT", "DELETE", "PATCH"}) {
            assertFalse(CsrfCheck.passes(m, TOKEN, null), m);
            assertFalse(CsrfCheck.passes(m, TOKEN, ""), m);
            assertFalse(CsrfCheck.passes(m, TOKEN, TOKEN.substring(1)), m);
            assertFalse(CsrfCheck.passes(m, TOKEN, TOKEN.toLowerCase()), m);
            assertTrue(CsrfCheck.passes(m, TOKEN, TOKEN), m);
        }
    }
}
