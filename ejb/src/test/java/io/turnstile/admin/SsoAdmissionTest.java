package io.turnstile.admin;

import io.turnstile.org.ApiRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SsoAdmissionTest {

    static final String ORG = "a97c1b22-a4e9-411e-9bfd-d8695a0f9e61";
    static final String OTHER = "27547ac2-d114-4e04-beb1-f3f1e6e81ec6";

    static AdminAccount account(String ssoId) {
        return new AdminAccount("a1", "ann@example.com", "Ann", null, List.of(new Privilege(ORG, ApiRole.READ)),
                ssoId, 1, 1);
    }

    @Test
    void aLocalAccountNeverSignsInThroughAnSso() {
        var e = assertThrows(LoginRefusedException.class,
                () -> SsoAdmission.checkAccount(Optional.of(account(null)), "sso-1"));
        assertEquals(SsoAdmission.LOCAL_ACCOUNT, e.getMessage());
    }

    @Test
    void anSsoAdminBelongsToTheSsoThatCreatedIt() {
        SsoAdmission.checkAccount(Optional.of(account("sso-1")), "sso-1");
        SsoAdmission.checkAccount(Optional.empty(), "sso-1");
        var e = assertThrows(LoginRefusedException.class,
                () -> SsoAdmission.checkAccount(Optional.of(account("sso-1")), "sso-2"));
        assertEquals(SsoAdmission.OTHER_SSO, e.getMessage());
    }

    @Test
    void theHighestRoleOfTheMatchedSsoRolesInTheOrgWins() {
        assertEquals(ApiRole.WRITE, SsoAdmission.role(List.of(
                List.of(new Privilege(ORG, ApiRole.READ)),
                List.of(new Privilege(ORG, ApiRole.WRITE)),
                List.of(new Privilege(ORG, ApiRole.HELPDESK))), ORG));
        var e = assertThrows(LoginRefusedException.class, () -> SsoAdmission.role(List.of(
                List.of(new Privilege(OTHER, ApiRole.ADMIN))), ORG));
        assertEquals(SsoAdmission.NO_ROLE, e.getMessage());
        assertThrows(LoginRefusedException.class, () -> SsoAdmission.role(List.of(), ORG));
    }
}
