package io.turnstile.sso;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A test IdP: a key pair and self-signed certificate, SAML responses written as an IdP writes them, signed with
 * Keycloak's XMLSignatureUtil (the library the SP verifies with) so the tests can then tamper with them.
 */
final class TestIdp {

    static final String ISSUER = "https://idp.example.test/realms/corp";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String P = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";

    final KeyPair keyPair;
    final X509Certificate certificate;

    TestIdp(String cn) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new SecureRandom());
            keyPair = g.generateKeyPair();
            X500Name name = new X500Name("CN=" + cn);
            Instant now = Instant.parse("2020-01-01T00:00:00Z");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                    Date.from(now.plus(Duration.ofDays(36500))), name, keyPair.getPublic());
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String certPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What goes into one response; every field can be changed for a negative test. */
    static final class Spec {
        String responseId = "_resp1";
        String assertionId = "_assert1";
        String issuer = ISSUER;
        String destination;
        String recipient;
        String audience;
        String nameId = "alice@corp.example";
        String nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
        String inResponseTo;
        String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
        Instant issued;
        Instant notBefore;
        Instant notOnOrAfter;
        Map<String, List<String>> attributes = new LinkedHashMap<>();

        Spec(SpEndpoints sp, Instant now) {
            destination = sp.acsUrl();
            recipient = sp.acsUrl();
            audience = sp.entityId();
            issued = now;
            notBefore = now.minusSeconds(5);
            notOnOrAfter = now.plusSeconds(300);
            attributes.put("Role", List.of("netadmin"));
            attributes.put("FirstName", List.of("Alice"));
            attributes.put("LastName", List.of("Liddell"));
        }

        Spec attr(String name, String... values) {
            attributes.put(name, List.of(values));
            return this;
        }
    }

    String xml(Spec s) {
        StringBuilder attrs = new StringBuilder();
        s.attributes.forEach((name, values) -> {
            attrs.append("<saml:Attribute Name=\"").append(esc(name))
                 .append("\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">");
            for (String v : values) {
                attrs.append("<saml:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\">")
                     .append(esc(v)).append("</saml:AttributeValue>");
            }
            attrs.append("</saml:Attribute>");
        });
        String irt = s.inResponseTo == null ? "" : " InResponseTo=\"" + s.inResponseTo + "\"";
        return "<samlp:Response xmlns:samlp=\"" + P + "\" xmlns:saml=\"" + A + "\" ID=\"" + s.responseId
                + "\" Version=\"2.0\" IssueInstant=\"" + s.issued + "\""
                + (s.destination == null ? "" : " Destination=\"" + esc(s.destination) + "\"") + irt + ">"
                + "<saml:Issuer>" + esc(s.issuer) + "</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"" + s.status + "\"/></samlp:Status>"
                + "<saml:Assertion ID=\"" + s.assertionId + "\" Version=\"2.0\" IssueInstant=\"" + s.issued + "\">"
                + "<saml:Issuer>" + esc(s.issuer) + "</saml:Issuer>"
                + "<saml:Subject>"
                + (s.nameId == null ? "" : "<saml:NameID Format=\"" + s.nameIdFormat + "\">" + esc(s.nameId) + "</saml:NameID>")
                + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                + "<saml:SubjectConfirmationData NotOnOrAfter=\"" + s.notOnOrAfter + "\" Recipient=\""
                + esc(s.recipient) + "\"" + irt + "/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore=\"" + s.notBefore + "\" NotOnOrAfter=\"" + s.notOnOrAfter + "\">"
                + "<saml:AudienceRestriction><saml:Audience>" + esc(s.audience) + "</saml:Audience></saml:AudienceRestriction>"
                + "</saml:Conditions>"
                + "<saml:AuthnStatement AuthnInstant=\"" + s.issued + "\" SessionIndex=\"s1\"><saml:AuthnContext>"
                + "<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef>"
                + "</saml:AuthnContext></saml:AuthnStatement>"
                + (attrs.length() == 0 ? "" : "<saml:AttributeStatement>" + attrs + "</saml:AttributeStatement>")
                + "</saml:Assertion></samlp:Response>";
    }

    static Document parse(String xml) {
        try {
            return DocumentUtil.getDocument(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element response(Document d) {
        return d.getDocumentElement();
    }

    static Element assertion(Document d) {
        return (Element) d.getElementsByTagNameNS(A, "Assertion").item(0);
    }

    /** Signs {@code element} enveloped, the Signature placed right after its Issuer (SAML core §5.4.1). */
    void sign(Element element, SamlSsoConfig.SignAlgo algo) {
        sign(element, algo.rsaSignatureUri(), algo.digestUri());
    }

    void sign(Element element, String signatureMethod, String digestMethod) {
        element.setIdAttribute("ID", true);
        Node issuer = element.getElementsByTagNameNS(A, "Issuer").item(0);
        try {
            XMLSignatureUtil.sign(element, issuer.getNextSibling(), null, keyPair, digestMethod, signatureMethod,
                    "#" + element.getAttribute("ID"), certificate, EXC_C14N);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element signatureOf(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XMLSignature.XMLNS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static byte[] bytes(Document d) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(d), new StreamResult(w));
            return w.toString().getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
