package io.turnstile.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.NameIDPolicyType;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.keycloak.saml.processing.web.util.RedirectBindingUtil;

/**
 * SP-initiated login: an unsigned AuthnRequest (the metadata says {@code AuthnRequestsSigned="false"}) sent with the
 * HTTP-Redirect binding (SAML bindings §3.4.4.1: deflate, base64, URL-encode) and answered at the HTTP-POST ACS. Its
 * id is remembered by an {@link AuthnRequestTracker} so the response's InResponseTo can be checked.
 */
public final class SamlAuthnRequests {

    private final AuthnRequestTracker pending;

    public SamlAuthnRequests(AuthnRequestTracker pending) {
        this.pending = pending;
    }

    /** The URL to redirect the browser to; {@code relayState} (may be null) comes back with the response. */
    public String redirectUrl(SamlSsoConfig sso, SpEndpoints sp, String relayState) {
        String id = pending.issue(sso.domain());
        try {
            AuthnRequestType request = new SAML2Request().createAuthnRequestType(id, sp.acsUrl(), sso.idpSsoUrl(),
                    sp.entityId(), JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.getUri());
            NameIDPolicyType policy = new NameIDPolicyType();
            policy.setFormat(java.net.URI.create(sso.nameIdFormat().uri()));
            policy.setAllowCreate(Boolean.TRUE);
            request.setNameIDPolicy(policy);
            String xml = DocumentUtil.asString(SAML2Request.convert(request));
            String query = "SAMLRequest=" + URLEncoder.encode(RedirectBindingUtil.deflateBase64Encode(
                    xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)
                    + (relayState == null ? "" : "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8));
            return sso.idpSsoUrl() + (sso.idpSsoUrl().contains("?") ? "&" : "?") + query;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build an AuthnRequest", e);
        }
    }
}
