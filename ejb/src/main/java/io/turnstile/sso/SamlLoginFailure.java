package io.turnstile.sso;

import java.util.Objects;

/**
 * A refused SAML login: a typed reason, a detail for the failure log, and what was received.
 */
public record SamlLoginFailure(Reason reason, String detail, String receivedXml) implements SamlOutcome {

    public SamlLoginFailure {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? reason.message() : detail;
        receivedXml = receivedXml == null ? "" : receivedXml;
    }

    /** The text shown to the person whose login failed and stored as the failure's {@code detail}. */
    public String describe() {
        return reason.message() + (detail.equals(reason.message()) ? "" : ": " + detail);
    }

    @Override
    public String toString() {
        return "SamlLoginFailure[" + reason + ": " + detail + "]";
    }

    /** Why a login was refused; each reason has a message an administrator can act on. */
    public enum Reason {
        UNKNOWN_SSO("No SAML SSO is configured for this login URL"),
        SSO_DISABLED("This SSO is disabled: sign in with a local admin account"),
        NO_RESPONSE("No SAMLResponse was posted"),
        TOO_LARGE("The SAML response is too large"),
        MALFORMED("The SAML response is not well-formed SAML 2.0"),
        DTD_REFUSED("The SAML response contains a DTD (document type declarations and entities are refused)"),
        NOT_A_RESPONSE("The message is not a SAML 2.0 Response"),
        STATUS_NOT_SUCCESS("The identity provider did not report success"),
        ENCRYPTED_ASSERTION("Encrypted assertions are not supported: configure the IdP to sign, not encrypt"),
        NO_ASSERTION("The SAML response contains no assertion"),
        SIGNATURE_WRAPPING("The SAML response is not shaped as signed (possible signature-wrapping attack)"),
        UNSIGNED("Neither the response nor the assertion is signed"),
        BAD_SIGNATURE("The signature does not verify with the configured IdP certificate"),
        SHA1_REFUSED("The signature uses SHA-1, which this SSO does not allow"),
        WRONG_ALGORITHM("The signature algorithm is not the configured idp_sign_algo"),
        BAD_IDP_CERT("The configured IdP certificate cannot be read"),
        WRONG_DESTINATION("The response's Destination is not this SSO's ACS URL"),
        WRONG_ISSUER("The Issuer is not the configured IdP issuer"),
        WRONG_AUDIENCE("The assertion's Audience is not this SSO's entity id"),
        WRONG_RECIPIENT("No bearer SubjectConfirmation names this SSO's ACS URL as Recipient"),
        NOT_YET_VALID("The assertion is not yet valid (NotBefore)"),
        EXPIRED("The assertion has expired (NotOnOrAfter)"),
        UNKNOWN_IN_RESPONSE_TO("InResponseTo names no pending login request of this SSO"),
        REPLAYED("The assertion was already used"),
        REPLAY_CACHE_FULL("Too many recent logins to check for replay; try again later"),
        NAMEID_MISSING("The assertion has no NameID"),
        NAMEID_NOT_EMAIL("The NameID is not an e-mail address but the SSO's nameid_format is email"),
        NO_ROLE_MATCHED("None of the asserted roles matches an SSO role and no default role is set"),
        UNMATCHED_ROLE("An asserted role matches no SSO role (ignore_unmatched_roles is off)"),
        ACCOUNT_REFUSED("The admin account cannot sign in through this SSO");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
