package io.turnstile.sso;

import java.time.Instant;
import java.util.List;

/**
 * A SAML login that passed every check of {@link SamlResponseValidator}.
 *
 * @param userId       stable admin id for this SSO and NameID (same NameID, same id at every login)
 * @param nameId       the assertion's NameID
 * @param email        the admin's e-mail (the NameID when it is one), may be null for an unspecified NameID
 * @param firstName    {@code FirstName} attribute, may be null
 * @param lastName     {@code LastName} attribute, may be null
 * @param roles        the asserted roles, parsed by {@link RoleAttributeParser} (not yet matched against ssoroles)
 * @param assertionId  the assertion's ID (accepted once)
 * @param notOnOrAfter when the assertion stops being valid
 * @param inResponseTo the AuthnRequest id for an SP-initiated login, null for IdP-initiated
 * @param receivedXml  the response as received
 */
public record SamlLogin(String userId, String nameId, String email, String firstName, String lastName,
                        List<String> roles, String assertionId, Instant notOnOrAfter, String inResponseTo,
                        String receivedXml) implements SamlOutcome {

    public SamlLogin {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        // The assertion is personal data: keep it out of logs.
        return "SamlLogin[userId=" + userId + ", roles=" + roles + ", assertionId=" + assertionId + "]";
    }
}
