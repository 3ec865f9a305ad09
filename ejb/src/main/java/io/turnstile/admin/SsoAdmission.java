package io.turnstile.admin;

import io.turnstile.org.ApiRole;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may sign in through an SSO, decided before anything is stored: an email that is a local admin never becomes an
 * SSO admin (one email, one account), an SSO admin belongs to exactly the SSO that created it, and the role is the
 * highest one the org's {@code ssoroles} grant for the role names the IdP sent (none matching: refused).
 */
public final class SsoAdmission {

    static final String LOCAL_ACCOUNT = "this email is a local admin account; sign in with the password";
    static final String OTHER_SSO = "this email belongs to another SSO";
    static final String NO_ROLE = "no SSO role of this org matches the roles the IdP sent";

    private SsoAdmission() {
    }

    /** @throws LoginRefusedException if the existing account (if any) rules this sign-in out */
    public static void checkAccount(Optional<AdminAccount> existing, String ssoId) {
        if (existing.isEmpty()) {
            return;
        }
        if (existing.get().local()) {
            throw new LoginRefusedException(LOCAL_ACCOUNT);
        }
        if (!existing.get().ssoId().equals(ssoId)) {
            throw new LoginRefusedException(OTHER_SSO);
        }
    }

    /**
     * The highest role in {@code orgId} among the privileges of the matched ssoroles.
     *
     * @throws LoginRefusedException if none grants a role in the org
     */
    public static ApiRole role(List<List<Privilege>> matchedRoles, String orgId) {
        return matchedRoles.stream().flatMap(List::stream).filter(p -> p.orgId().equals(orgId))
                .map(Privilege::role).max(Comparator.comparingInt(SsoAdmission::rank))
                .orElseThrow(() -> new LoginRefusedException(NO_ROLE));
    }

    static int rank(ApiRole role) {
        return switch (role) {
            case ADMIN -> 4;
            case WRITE -> 3;
            case HELPDESK -> 2;
            case READ -> 1;
            case INSTALLER -> 0;
        };
    }
}
