package io.turnstile.sso;

/**
 * AuthnRequest ids this SP sent and not yet answered, per SSO domain, so that an SP-initiated response's
 * {@code InResponseTo} can be checked (SAML profiles §4.1.4.3) and used once. {@link SamlStateBean} keeps them in the
 * database, so the response may arrive at any cluster node; {@link PendingAuthnRequests} in memory (one process).
 */
public interface AuthnRequestTracker {

    /** A fresh request id (an xs:ID: starts with a letter or underscore) for {@code domain}. */
    String issue(String domain);

    /** Whether {@code id} is a pending request of {@code domain}; it is pending no more afterwards. */
    boolean consume(String domain, String id);
}
