package io.turnstile.identity;

import io.turnstile.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmMappingTest {

    static final Map<String, Object> SETTING = Map.of("mist_nac", Map.of(
            "idps", List.of(
                    Map.of("id", "idp-corp", "user_realms", List.of("corp.example", "Example.COM")),
                    Map.of("id", "idp-lab", "user_realms", List.of("lab.example"), "exclude_realms", List.of("x"))),
            "default_idp_id", "idp-default"));

    @Test
    void realmIsThePartAfterTheLastAtInLowerCase() {
        assertEquals(Optional.of("example.com"), RealmMapping.realmOf("alice@Example.COM"));
        assertEquals(Optional.of("b.example"), RealmMapping.realmOf("odd@name@b.example"));
        assertEquals(Optional.empty(), RealmMapping.realmOf("alice"));
        assertEquals(Optional.empty(), RealmMapping.realmOf("alice@"));
        assertEquals(Optional.empty(), RealmMapping.realmOf(null));
    }

    @Test
    void mappedRealmPicksItsIdpCaseInsensitively() {
        RealmMapping m = RealmMapping.parse(SETTING);
        assertEquals(Optional.of("idp-corp"), m.idpFor("alice@CORP.example"));
        assertEquals(Optional.of("idp-corp"), m.idpFor("bob@example.com"));
        assertEquals(Optional.of("idp-lab"), m.idpFor("carol@lab.example"));
        assertEquals(List.of("x"), m.idps().get(1).excludeRealms());
    }

    @Test
    void noRealmOrUnmappedRealmGoesToTheDefault() {
        RealmMapping m = RealmMapping.parse(SETTING);
        assertEquals(Optional.of("idp-default"), m.idpFor("alice"));
        assertEquals(Optional.of("idp-default"), m.idpFor("alice@elsewhere.example"));
    }

    @Test
    void withoutDefaultAnUnmappedUserHasNoIdp() {
        RealmMapping m = RealmMapping.parse(Map.of("mist_nac", Map.of("idps",
                List.of(Map.of("id", "i", "user_realms", List.of("a.example"))))));
        assertTrue(m.idpFor("x@b.example").isEmpty());
        assertTrue(RealmMapping.parse(Map.of()).idpFor("x@a.example").isEmpty());
    }

    @Test
    void badShapesAreRejectedNamingTheField() {
        assertEquals("mist_nac.idps must be a list", assertThrows(InvalidRequestException.class,
                () -> RealmMapping.parse(Map.of("mist_nac", Map.of("idps", "x")))).getMessage());
        assertEquals("mist_nac.idps[0].id must be the id of an sso", assertThrows(InvalidRequestException.class,
                () -> RealmMapping.parse(Map.of("mist_nac", Map.of("idps", List.of(Map.of()))))).getMessage());
        assertEquals("mist_nac.idps[0].user_realms must be a list of strings",
                assertThrows(InvalidRequestException.class, () -> RealmMapping.parse(Map.of("mist_nac",
                        Map.of("idps", List.of(Map.of("id", "i", "user_realms", List.of(1))))))).getMessage());
        assertThrows(InvalidRequestException.class,
                () -> RealmMapping.parse(Map.of("mist_nac", Map.of("default_idp_id", 5))));
    }
}
