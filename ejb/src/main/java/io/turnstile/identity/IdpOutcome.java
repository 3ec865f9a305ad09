package io.turnstile.identity;

/**
 * The result of {@link IdentityProviders} with the provider that gave it.
 *
 * @param idpId   the {@code sso} id used, null for {@link IdpResult.NoIdentityProvider}
 * @param idpType its {@code idp_type}, null likewise
 */
public record IdpOutcome(String idpId, String idpType, IdpResult result) {
}
