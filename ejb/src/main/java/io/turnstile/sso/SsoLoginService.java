package io.turnstile.sso;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.turnstile.admin.SessionTicket;

/** The SAML SP's operations, for the ACS servlet and the ssos metadata/failures resources. */
public interface SsoLoginService {

    /** How a posted response ends: the browser goes on, or sees a page naming the reason. */
    sealed interface AcsResult {
        /** {@code session} is the new admin session, for the cookies. */
        record Proceed(URI location, SessionTicket session) implements AcsResult { }
        record Refused(SamlLoginFailure failure, boolean unknownSso) implements AcsResult { }
    }

    /** Contract {@code saml_metadata}. */
    record MetadataView(String entityId, String acsUrl, String logoutUrl, String metadata) { }

    /** The ACS: validate, match roles, record a failure or hand the login to the {@link SsoLoginSink}. */
    AcsResult acs(String domain, String publicBaseUrl, String samlResponse, String previousSessionKey);

    /** SP-initiated login: the IdP URL carrying an AuthnRequest, or empty for an unknown domain. */
    Optional<String> startLogin(String domain, String publicBaseUrl, String relayState);

    /** Where the browser goes after logout: the SSO's custom_logout_url, else the console root. */
    Optional<URI> logoutTarget(String domain);

    /** Ends the admin session of this key (logout at {@code /api/v1/saml/{domain}/logout}); null is a no-op. */
    void endSession(String sessionKey);

    Optional<MetadataView> metadata(String orgId, String ssoId, String publicBaseUrl);

    /** Empty when the org has no such SAML SSO. */
    Optional<List<SsoFailureLog.Entry>> failures(String orgId, String ssoId, long fromMillis, long toMillis, int limit,
                                                 int page);
}
