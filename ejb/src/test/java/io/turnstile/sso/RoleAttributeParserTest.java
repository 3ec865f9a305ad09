package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.turnstile.sso.SamlSsoConfig.RoleExtraction;

class RoleAttributeParserTest {

    final RoleAttributeParser parser = new RoleAttributeParser();

    @Test
    void oneValueHoldingACommaListIsSplit() {
        assertEquals(List.of("netadmin", "helpdesk", "auditor"),
                parser.parse(List.of("netadmin, helpdesk,auditor"), RoleExtraction.NONE));
    }

    @Test
    void severalValuesAreNotSplit() {
        assertEquals(List.of("netadmin,helpdesk", "auditor"),
                parser.parse(List.of("netadmin,helpdesk", "auditor"), RoleExtraction.NONE));
    }

    @Test
    void blanksAreDroppedDuplicatesKeptOnceAndCaseKept() {
        assertEquals(List.of("NetAdmin", "netadmin"), parser.parse(List.of(" NetAdmin,,netadmin , NetAdmin,"), RoleExtraction.NONE));
        assertEquals(List.of(), parser.parse(List.of(), RoleExtraction.NONE));
        assertEquals(List.of(), parser.parse(null, RoleExtraction.NONE));
    }

    @Test
    void cnExtractionTakesTheCnOfDnShapedValues() {
        assertEquals(List.of("cn"), parser.parse(List.of("CN=cn,OU=ou1,OU=ou2"), RoleExtraction.CN));
        assertEquals(List.of("ops", "audit"),
                parser.parse(List.of("cn=ops,ou=groups,dc=corp", "Cn=audit,OU=groups,DC=corp"), RoleExtraction.CN));
    }

    @Test
    void cnKeyIsCaseInsensitiveAndExactlyOneCnIsExpected() {
        // Two CNs, no CN, not a DN: the entry is ignored, the others still count.
        assertEquals(List.of("ok"), parser.parse(List.of("CN=a,CN=b,DC=corp", "OU=x,DC=corp", "not a dn", "cN=ok,DC=corp"),
                RoleExtraction.CN));
    }

    @Test
    void cnExtractionReadsEscapedCommasAsPartOfTheValue() {
        // RFC 4514 §2.4: an escaped comma is part of the attribute value.
        assertEquals(List.of("Admins, EMEA"), parser.parse(List.of("CN=Admins\\, EMEA,OU=groups,DC=corp"), RoleExtraction.CN));
    }
}
