package io.turnstile.sso;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.turnstile.admin.LoginRefusedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SsoLoginServiceBean implements SsoLoginService {

    /** Longest SAMLResponse form value kept with a disabled SSO's failure. */
    static final int MAX_KEPT_RESPONSE = 64 * 1024;

    @Inject
    SsoDirectory directory;

    @Inject
    SsoLoginSink sink;

    @Inject
    SsoFailureLog failureLog;

    @Inject
    SamlEngine engine;

    @Override
    public AcsResult acs(String domain, String publicBaseUrl, String samlResponse, String previousSessionKey) {
        Optional<SamlSsoConfig> found = directory.byDomain(domain);
        if (found.isEmpty()) {
            // Nothing to attach the failure to: the page says so, nothing is stored.
            return new AcsResult.Refused(new SamlLoginFailure(SamlLoginFailure.Reason.UNKNOWN_SSO, null, null), true);
        }
        SamlSsoConfig sso = found.get();
        if (sso.disabled()) {
            // Refused before the response is even parsed; the failure is listed so the admin sees the attempt.
            SamlLoginFailure failure = new SamlLoginFailure(SamlLoginFailure.Reason.SSO_DISABLED, null,
                    samlResponse == null ? null : truncated(samlResponse));
            failureLog.recordFailure(sso, failure);
            return new AcsResult.Refused(failure, false);
        }
        SamlOutcome outcome = engine.validator().validatePost(sso, SpEndpoints.of(publicBaseUrl, domain), samlResponse);
        if (outcome instanceof SamlLoginFailure failure) {
            failureLog.recordFailure(sso, failure);
            return new AcsResult.Refused(failure, false);
        }
        SamlLogin login = (SamlLogin) outcome;
        RoleMatch match = engine.roleMatcher().match(login.roles(), directory.ssoRoles(sso.orgId()), sso);
        if (match instanceof RoleMatch.Denied denied) {
            SamlLoginFailure failure = new SamlLoginFailure(denied.reason(), denied.detail(), login.receivedXml());
            failureLog.recordFailure(sso, failure);
            return new AcsResult.Refused(failure, false);
        }
        SsoLoginSink.Admitted admitted;
        try {
            admitted = sink.loginSucceeded(sso, login, (RoleMatch.Granted) match, previousSessionKey);
        } catch (LoginRefusedException e) {
            SamlLoginFailure failure = new SamlLoginFailure(SamlLoginFailure.Reason.ACCOUNT_REFUSED,
                    e.getMessage(), login.receivedXml());
            failureLog.recordFailure(sso, failure);
            return new AcsResult.Refused(failure, false);
        }
        failureLog.recordSuccess(sso, login);
        return new AcsResult.Proceed(admitted.location(), admitted.session());
    }

    @Override
    public Optional<String> startLogin(String domain, String publicBaseUrl, String relayState) {
        return directory.byDomain(domain).filter(sso -> !sso.disabled()).map(sso ->
                engine.authnRequests().redirectUrl(sso, SpEndpoints.of(publicBaseUrl, domain), relayState));
    }

    /** The posted form value (base64), bounded: a disabled SSO's failure keeps what came, not an unbounded body. */
    private static String truncated(String samlResponse) {
        return samlResponse.length() > MAX_KEPT_RESPONSE ? samlResponse.substring(0, MAX_KEPT_RESPONSE) : samlResponse;
    }

    @Override
    public Optional<URI> logoutTarget(String domain) {
        return directory.byDomain(domain).map(sso -> sso.customLogoutUrl() == null || sso.customLogoutUrl().isBlank()
                ? URI.create("/") : URI.create(sso.customLogoutUrl()));
    }

    @Override
    public void endSession(String sessionKey) {
        if (sessionKey != null && !sessionKey.isEmpty()) {
            sink.loggedOut(sessionKey);
        }
    }

    @Override
    public Optional<MetadataView> metadata(String orgId, String ssoId, String publicBaseUrl) {
        return directory.byId(orgId, ssoId).map(sso -> {
            SpEndpoints sp = SpEndpoints.of(publicBaseUrl, sso.domain());
            return new MetadataView(sp.entityId(), sp.acsUrl(), sp.logoutUrl(), engine.spMetadata().xml(sso, sp));
        });
    }

    @Override
    public Optional<List<SsoFailureLog.Entry>> failures(String orgId, String ssoId, long fromMillis, long toMillis,
                                                        int limit, int page) {
        return directory.byId(orgId, ssoId).map(sso -> failureLog.list(orgId, ssoId, fromMillis, toMillis, limit, page));
    }
}
