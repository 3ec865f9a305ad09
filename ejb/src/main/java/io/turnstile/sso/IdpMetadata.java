package io.turnstile.sso;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.xml.crypto.dsig.XMLSignature;

import org.keycloak.dom.saml.v2.metadata.EndpointType;
import org.keycloak.dom.saml.v2.metadata.EntitiesDescriptorType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.IDPSSODescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyTypes;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SSO fields an IdP's metadata XML gives ({@code issuer}, {@code idp_sso_url}, {@code idp_cert},
 * {@code nameid_format}), so an SSO can be configured by uploading it instead of pasting fields. Parsed with
 * Keycloak's metadata parser after a DTD-refusing DOM parse (SAML metadata §2.3.2, §2.4.3).
 *
 * @param issuer       the IdP's entityID
 * @param idpSsoUrl    its SingleSignOnService for HTTP-Redirect (else HTTP-POST)
 * @param idpCert      its signing certificate as PEM
 * @param nameIdFormat {@code email} when it offers the emailAddress format, else {@code unspecified}
 */
public record IdpMetadata(String issuer, String idpSsoUrl, String idpCert, SamlSsoConfig.NameIdFormat nameIdFormat) {

    /** Reads IdP metadata; {@link IllegalArgumentException} with a message for the admin when it is unusable. */
    public static IdpMetadata parse(String xml) {
        Object parsed;
        try {
            // DocumentUtil refuses DTDs and external entities; the model parse then works on that DOM.
            Element root = DocumentUtil.getDocument(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            parsed = SAMLParser.getInstance().parse(root);
        } catch (Exception e) {
            throw new IllegalArgumentException("not SAML 2.0 metadata");
        }
        EntityDescriptorType entity = parsed instanceof EntityDescriptorType e ? e
                : parsed instanceof EntitiesDescriptorType es ? firstIdp(es) : null;
        IDPSSODescriptorType idp = entity == null ? null : idpDescriptor(entity);
        if (idp == null) {
            throw new IllegalArgumentException("the metadata has no IDPSSODescriptor");
        }
        String ssoUrl = endpoint(idp, JBossSAMLURIConstants.SAML_HTTP_REDIRECT_BINDING.get());
        if (ssoUrl == null) {
            ssoUrl = endpoint(idp, JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.get());
        }
        if (ssoUrl == null) {
            throw new IllegalArgumentException("the IdP offers no HTTP-Redirect or HTTP-POST SingleSignOnService");
        }
        String cert = null;
        for (KeyDescriptorType k : idp.getKeyDescriptor()) {
            if (k.getUse() == null || k.getUse() == KeyTypes.SIGNING) {
                cert = certificate(k.getKeyInfo());
                if (cert != null) {
                    break;
                }
            }
        }
        if (cert == null) {
            throw new IllegalArgumentException("the IdP metadata has no signing certificate");
        }
        var format = idp.getNameIDFormat().contains(SamlSsoConfig.NameIdFormat.EMAIL.uri())
                ? SamlSsoConfig.NameIdFormat.EMAIL : SamlSsoConfig.NameIdFormat.UNSPECIFIED;
        return new IdpMetadata(entity.getEntityID(), ssoUrl, cert, format);
    }

    private static EntityDescriptorType firstIdp(EntitiesDescriptorType entities) {
        for (Object o : entities.getEntityDescriptor()) {
            if (o instanceof EntityDescriptorType e && idpDescriptor(e) != null) {
                return e;
            }
        }
        return null;
    }

    private static IDPSSODescriptorType idpDescriptor(EntityDescriptorType entity) {
        for (EntityDescriptorType.EDTChoiceType c : entity.getChoiceType()) {
            if (c.getDescriptors() == null) {
                continue;
            }
            for (EntityDescriptorType.EDTDescriptorChoiceType d : c.getDescriptors()) {
                if (d.getIdpDescriptor() != null) {
                    return d.getIdpDescriptor();
                }
            }
        }
        return null;
    }

    private static String endpoint(IDPSSODescriptorType idp, String binding) {
        for (EndpointType e : idp.getSingleSignOnService()) {
            if (e.getBinding() != null && binding.equals(e.getBinding().toString()) && e.getLocation() != null) {
                return e.getLocation().toString();
            }
        }
        return null;
    }

    private static String certificate(Element keyInfo) {
        if (keyInfo == null) {
            return null;
        }
        NodeList certs = keyInfo.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        if (certs.getLength() == 0) {
            return null;
        }
        try {
            X509Certificate c = SamlResponseValidator.parseCertificate(certs.item(0).getTextContent());
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the IdP signing certificate cannot be read");
        }
    }
}
