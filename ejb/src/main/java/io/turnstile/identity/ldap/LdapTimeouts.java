package io.turnstile.identity.ldap;

/**
 * Network bounds of one LDAP provider. Each is shorter than the overall timeout of
 * {@link io.turnstile.identity.GuardedIdentityCalls}, so a dead or hung server fails over (or reports unreachable)
 * before the caller gives up.
 *
 * @param connectMillis  TCP connect and TLS handshake, per server
 * @param responseMillis waiting for one LDAP response (also the longest wait for a pooled connection)
 * @param maxConnections pool size per provider
 */
public record LdapTimeouts(int connectMillis, int responseMillis, int maxConnections) {

    public static final LdapTimeouts DEFAULT = new LdapTimeouts(2000, 3000, 8);
}
