package io.turnstile.identity;

import java.util.List;
import java.util.Map;

/**
 * What an identity provider answered. Parsing-style: exactly one of these, never a half-filled object. None of them
 * carries the password.
 */
public sealed interface IdpResult {

    /** Short machine-readable outcome, e.g. {@code authenticated}, {@code unreachable}, for logs and event facts. */
    String outcome();

    /** Why it failed, for events and logs (never a password); null on success. */
    default String reason() {
        return null;
    }

    /**
     * The password is right and the account is enabled.
     *
     * @param user           the name the directory knows the user by (e.g. the entry's DN for LDAP)
     * @param groups         group names (for LDAP the value of the group's first RDN, e.g. {@code staff}); never null
     * @param attributes     selected attributes of the user entry (multi-valued), e.g. {@code mail}, {@code group_dns}
     * @param groupsResolved false when the group lookup itself failed (the login stands, the groups may be incomplete)
     */
    record Authenticated(String user, List<String> groups, Map<String, List<String>> attributes,
                         boolean groupsResolved) implements IdpResult {
        public Authenticated {
            groups = List.copyOf(groups);
            attributes = Map.copyOf(attributes);
        }

        @Override
        public String outcome() {
            return "authenticated";
        }
    }

    /**
     * A lookup without password (certificate-based logins that still need groups): the user exists and is enabled.
     * Same fields as {@link Authenticated}.
     */
    record Found(String user, List<String> groups, Map<String, List<String>> attributes,
                 boolean groupsResolved) implements IdpResult {
        public Found {
            groups = List.copyOf(groups);
            attributes = Map.copyOf(attributes);
        }

        @Override
        public String outcome() {
            return "found";
        }
    }

    /** The user exists, the password is wrong (or empty: never sent to the directory, RFC 4513 §5.1.2). */
    record InvalidCredentials(String reason) implements IdpResult {
        @Override
        public String outcome() {
            return "invalid_credentials";
        }
    }

    /** No such user, or the name matched more than one entry. */
    record UserNotFound(String reason) implements IdpResult {
        @Override
        public String outcome() {
            return "user_not_found";
        }
    }

    /** The account exists but is disabled or locked in the directory. */
    record UserDisabled(String user, String reason) implements IdpResult {
        @Override
        public String outcome() {
            return "user_disabled";
        }
    }

    /** The directory did not answer in time, refused the connection, failed TLS, or rejected the service bind. */
    record Unreachable(String reason) implements IdpResult {
        @Override
        public String outcome() {
            return "unreachable";
        }
    }

    /** No identity provider is configured for the user's realm (and no default), or its type has no provider. */
    record NoIdentityProvider(String reason) implements IdpResult {
        @Override
        public String outcome() {
            return "no_identity_provider";
        }
    }
}
