package io.turnstile.admin;

import java.util.List;

/** An admin as the API shows it (never a password or hash). {@code ssoId} is null for a local admin. */
public record AdminAccount(String id, String email, String firstName, String lastName, List<Privilege> privileges,
                           String ssoId, long createdMillis, long modifiedMillis) {

    public boolean local() {
        return ssoId == null;
    }

    /** "First Last", or the email when no name is known. */
    public String displayName() {
        String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return n.isEmpty() ? email : n;
    }
}
