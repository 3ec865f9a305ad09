package io.turnstile.sso;

/** What {@link SamlResponseValidator} makes of one posted SAMLResponse: a validated login or a typed failure. */
public sealed interface SamlOutcome permits SamlLogin, SamlLoginFailure {

    /** The XML received (decoded, possibly cut to {@link SamlResponseValidator#MAX_RESPONSE_BYTES}), for the failure log. */
    String receivedXml();
}
