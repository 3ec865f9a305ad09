package io.turnstile.identity;

/**
 * The identity providers of an org, as the EAP methods use them: picks the provider for a user name by its realm
 * ({@code setting.mist_nac.idps[].user_realms}, else {@code setting.mist_nac.default_idp_id}, see
 * {@link RealmMapping}), calls it with an overall timeout and a bulkhead (a slow directory costs a bounded number of
 * threads and never stalls the RADIUS path), and publishes the NAC IDP events ({@link IdpEvents}).
 */
public interface IdentityProviders {

    /** TTLS/PAP: name and password. */
    IdpOutcome authenticate(IdpRequest request, String password);

    /** Certificate logins: does the user exist, is it enabled, which groups. */
    IdpOutcome lookup(IdpRequest request);
}
