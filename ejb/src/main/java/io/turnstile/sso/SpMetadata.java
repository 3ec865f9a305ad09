package io.turnstile.sso;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.keycloak.dom.saml.v2.metadata.AttributeConsumingServiceType;
import org.keycloak.dom.saml.v2.metadata.EndpointType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.LocalizedNameType;
import org.keycloak.dom.saml.v2.metadata.RequestedAttributeType;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.saml.SPMetadataDescriptor;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.util.StaxUtil;
import org.keycloak.saml.processing.core.saml.v2.writers.SAMLMetadataWriter;

/**
 * The SP metadata of one SSO ({@code /api/v1/orgs/{org_id}/ssos/{sso_id}/metadata[.xml]}), written with Keycloak's
 * metadata model and writer: unsigned AuthnRequests, signed assertions wanted, the HTTP-POST ACS (index 0, default)
 * and logout service, and an AttributeConsumingService asking for {@code Role} (required), {@code FirstName} and
 * {@code LastName} (SAML metadata §2.4.4, §2.4.4.1).
 */
public final class SpMetadata {

    private static final String BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";

    /** The metadata document of {@code sso} at {@code sp}. */
    public String xml(SamlSsoConfig sso, SpEndpoints sp) {
        URI post = JBossSAMLURIConstants.SAML_HTTP_POST_BINDING.getUri();
        EntityDescriptorType entity = SPMetadataDescriptor.buildSPDescriptor(
                List.of(new EndpointType(post, URI.create(sp.acsUrl()))),
                List.of(new EndpointType(post, URI.create(sp.logoutUrl()))),
                false, true, false, sp.entityId(), sso.nameIdFormat().uri(), List.of(), List.of());
        SPSSODescriptorType descriptor = entity.getChoiceType().get(0).getDescriptors().get(0).getSpDescriptor();
        descriptor.getAssertionConsumerService().get(0).setIndex(0);
        descriptor.getAssertionConsumerService().get(0).setIsDefault(Boolean.TRUE);

        AttributeConsumingServiceType attributes = new AttributeConsumingServiceType(0);
        LocalizedNameType name = new LocalizedNameType("en-US");
        name.setValue("Turnstile");
        attributes.addServiceName(name);
        attributes.addRequestedAttribute(requested(sso.roleAttrFrom(), true));
        attributes.addRequestedAttribute(requested("FirstName", false));
        attributes.addRequestedAttribute(requested("LastName", false));
        descriptor.addAttributeConsumerService(attributes);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SAMLMetadataWriter(StaxUtil.getXMLStreamWriter(out)).writeEntityDescriptor(entity);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write SP metadata", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static RequestedAttributeType requested(String name, boolean required) {
        RequestedAttributeType a = new RequestedAttributeType(name);
        a.setNameFormat(BASIC);
        a.setIsRequired(required);
        return a;
    }
}
