package io.turnstile.identity.ldap;

import io.turnstile.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LdapServerTest {

    @Test
    void hostForms() {
        assertEquals(new LdapServer("dc1.example", 636), LdapServer.parse("dc1.example", "h"));
        assertEquals(new LdapServer("63.1.3.5", 3269), LdapServer.parse("63.1.3.5:3269", "h"));
        assertEquals(new LdapServer("dc1.example", 10636), LdapServer.parse("ldaps://dc1.example:10636/", "h"));
        assertEquals(new LdapServer("2001:db8::1", 636), LdapServer.parse("2001:db8::1", "h"));
        assertEquals(new LdapServer("2001:db8::1", 1636), LdapServer.parse("[2001:db8::1]:1636", "h"));
    }

    @Test
    void plainLdapAndGarbageAreRefused() {
        assertEquals("h: plain ldap:// is not supported, use LDAPS (port 636)",
                assertThrows(InvalidRequestException.class, () -> LdapServer.parse("ldap://dc1", "h")).getMessage());
        assertThrows(InvalidRequestException.class, () -> LdapServer.parse("dc1:0", "h"));
        assertThrows(InvalidRequestException.class, () -> LdapServer.parse("dc1:x", "h"));
        assertThrows(InvalidRequestException.class, () -> LdapServer.parse("", "h"));
        assertThrows(InvalidRequestException.class, () -> LdapServer.parse("dc1 ;rm", "h"));
    }
}
