package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SpMetadataTest {

    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    final SamlSsoConfig sso = SamlResponseValidatorTest.config("s4t5vwv8", SamlSsoConfig.SignAlgo.SHA256, false);
    final SpEndpoints sp = SpEndpoints.of("https://nac.example.test/", "s4t5vwv8");

    static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element only(Document d, String local) {
        NodeList l = d.getElementsByTagNameNS(MD, local);
        assertEquals(1, l.getLength(), local);
        return (Element) l.item(0);
    }

    @Test
    void metadataHasTheContractShape() throws Exception {
        Document d = dom(new SpMetadata().xml(sso, sp));
        assertEquals("https://nac.example.test/api/v1/saml/s4t5vwv8/login", d.getDocumentElement().getAttribute("entityID"));
        Element spsso = only(d, "SPSSODescriptor");
        assertEquals("false", spsso.getAttribute("AuthnRequestsSigned"));
        assertEquals("true", spsso.getAttribute("WantAssertionsSigned"));
        Element acs = only(d, "AssertionConsumerService");
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", acs.getAttribute("Binding"));
        assertEquals("https://nac.example.test/api/v1/saml/s4t5vwv8/login", acs.getAttribute("Location"));
        assertEquals("0", acs.getAttribute("index"));
        assertEquals("true", acs.getAttribute("isDefault"));
        Element slo = only(d, "SingleLogoutService");
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", slo.getAttribute("Binding"));
        assertEquals("https://nac.example.test/api/v1/saml/s4t5vwv8/logout", slo.getAttribute("Location"));
        assertEquals("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", only(d, "NameIDFormat").getTextContent());
        only(d, "AttributeConsumingService");
        NodeList requested = d.getElementsByTagNameNS(MD, "RequestedAttribute");
        assertEquals(3, requested.getLength());
        assertEquals("Role", ((Element) requested.item(0)).getAttribute("Name"));
        assertEquals("true", ((Element) requested.item(0)).getAttribute("isRequired"));
        assertEquals("FirstName", ((Element) requested.item(1)).getAttribute("Name"));
        assertEquals("false", ((Element) requested.item(1)).getAttribute("isRequired"));
        assertEquals("LastName", ((Element) requested.item(2)).getAttribute("Name"));
    }

    @Test
    void idpMetadataFillsTheSsoFields() throws Exception {
        String der = Base64.getEncoder().encodeToString(SamlResponseValidatorTest.IDP.certificate.getEncoded());
        String xml = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" "
                + "entityID=\"https://idp.example.test/realms/corp\"><md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\" "
                + "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + der
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://idp.example.test/post\"/>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example.test/redirect\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
        IdpMetadata m = IdpMetadata.parse(xml);
        assertEquals("https://idp.example.test/realms/corp", m.issuer());
        assertEquals("https://idp.example.test/redirect", m.idpSsoUrl());
        assertEquals(SamlSsoConfig.NameIdFormat.EMAIL, m.nameIdFormat());
        assertEquals(SamlResponseValidatorTest.IDP.certificate, SamlResponseValidator.parseCertificate(m.idpCert()));
    }

    @Test
    void idpMetadataWithDtdOrWithoutIdpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdpMetadata.parse(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><md:EntityDescriptor xmlns:md=\""
                        + MD + "\" entityID=\"&e;\"/>"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdpMetadata.parse("<md:EntityDescriptor xmlns:md=\"" + MD + "\" entityID=\"x\"/>"));
        assertTrue(e.getMessage().contains("IDPSSODescriptor"), e.getMessage());
    }

    @Test
    void authnRequestRedirectCarriesAPendingId() throws Exception {
        var clock = java.time.Clock.systemUTC();
        PendingAuthnRequests pending = new PendingAuthnRequests(clock, new java.security.SecureRandom(), java.time.Duration.ofMinutes(5), 10);
        String url = new SamlAuthnRequests(pending).redirectUrl(sso, sp, "relay");
        assertTrue(url.startsWith("https://idp.example.test/sso?SAMLRequest="), url);
        assertTrue(url.endsWith("&RelayState=relay"), url);
        String encoded = java.net.URLDecoder.decode(url.substring(url.indexOf('=') + 1, url.indexOf('&')), StandardCharsets.UTF_8);
        var inflater = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)),
                new java.util.zip.Inflater(true));
        Document request = dom(new String(inflater.readAllBytes(), StandardCharsets.UTF_8));
        Element root = request.getDocumentElement();
        assertEquals("AuthnRequest", root.getLocalName());
        assertEquals(sp.acsUrl(), root.getAttribute("AssertionConsumerServiceURL"));
        assertTrue(pending.consume(sso.domain(), root.getAttribute("ID")));
    }
}
