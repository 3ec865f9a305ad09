package io.turnstile.identity;

/**
 * Builds providers of one {@code idp_type} (contract: sso_idp_type) from their stored configuration. One CDI bean per
 * type; adding OAuth is adding a package with its factory, not editing a switch.
 */
public interface IdentityProviderFactory {

    /** The contract's {@code idp_type} this factory serves, e.g. {@code ldap}. */
    String idpType();

    /**
     * Checks the type-specific fields of an {@code sso} body (called on create and update).
     *
     * @throws io.turnstile.platform.InvalidRequestException naming the first bad field
     */
    void validate(java.util.Map<String, Object> fields);

    /** A ready provider; it connects lazily, so an unreachable directory does not fail here. */
    IdentityProvider create(IdpConfig config);
}
