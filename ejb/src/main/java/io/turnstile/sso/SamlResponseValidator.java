package io.turnstile.sso;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.datatype.XMLGregorianCalendar;

import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AudienceRestrictionType;
import org.keycloak.dom.saml.v2.assertion.ConditionAbstractType;
import org.keycloak.dom.saml.v2.assertion.ConditionsType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.assertion.SubjectConfirmationDataType;
import org.keycloak.dom.saml.v2.assertion.SubjectConfirmationType;
import org.keycloak.dom.saml.v2.assertion.SubjectType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.turnstile.sso.SamlLoginFailure.Reason;
import io.turnstile.sso.SamlSsoConfig.SignAlgo;

/**
 * Validates a SAML 2.0 Web Browser SSO response posted to one SSO's ACS (SAML profiles §4.1, HTTP-POST binding
 * §3.5). Keycloak's saml-core parses (DTDs and external entities refused), verifies signatures and reads the
 * protocol model; this class decides which element must be signed and what the model must say.
 *
 * <p>Signature wrapping (XSW) is refused by shape before any value is read: the Response is the document root,
 * there is exactly one Assertion and it is a direct child of the Response, every ID is unique, a ds:Signature may
 * only be the direct child of the Response or of the Assertion, its one Reference names its parent's ID with only
 * the enveloped-signature and exclusive-c14n transforms, and Keycloak's dereferencing of that Reference yields the
 * parent itself. The values are then read from that same Assertion element.
 */
public final class SamlResponseValidator {

    /** Largest decoded response accepted; real ones are a few kilobytes. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    static final String PROTOCOL_NS = JBossSAMLURIConstants.PROTOCOL_NSURI.get();
    static final String ASSERTION_NS = JBossSAMLURIConstants.ASSERTION_NSURI.get();
    static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments");
    private static final Set<String> ALLOWED_C14N = Set.of(
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments");

    private final Clock clock;
    private final AssertionReplayCheck replayCache;
    private final AuthnRequestTracker pendingRequests;
    private final RoleAttributeParser roleParser = new RoleAttributeParser();

    public SamlResponseValidator(Clock clock, AssertionReplayCheck replayCache, AuthnRequestTracker pendingRequests) {
        this.clock = clock;
        this.replayCache = replayCache;
        this.pendingRequests = pendingRequests;
    }

    /** The {@code SAMLResponse} form field of the HTTP-POST binding (base64, SAML bindings §3.5.4). */
    public SamlOutcome validatePost(SamlSsoConfig sso, SpEndpoints sp, String samlResponse) {
        if (samlResponse == null || samlResponse.isBlank()) {
            return new SamlLoginFailure(Reason.NO_RESPONSE, null, "");
        }
        if (samlResponse.length() > MAX_RESPONSE_BYTES / 3 * 4 + 1024) {
            return new SamlLoginFailure(Reason.TOO_LARGE, samlResponse.length() + " characters", "");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlResponse.strip());
        } catch (IllegalArgumentException e) {
            return new SamlLoginFailure(Reason.MALFORMED, "SAMLResponse is not base64", "");
        }
        return validate(sso, sp, xml);
    }

    /** A decoded response document. Never throws on bad input: every refusal is a {@link SamlLoginFailure}. */
    public SamlOutcome validate(SamlSsoConfig sso, SpEndpoints sp, byte[] xml) {
        String received = new String(xml, 0, Math.min(xml.length, MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
        if (xml.length > MAX_RESPONSE_BYTES) {
            return new SamlLoginFailure(Reason.TOO_LARGE, xml.length + " bytes", received);
        }
        try {
            return check(sso, sp, xml, received);
        } catch (Refused r) {
            return new SamlLoginFailure(r.reason, r.getMessage(), received);
        } catch (RuntimeException e) {
            // Malformed input that slipped past a specific check (a parser or model surprise) is refused, not thrown.
            return new SamlLoginFailure(Reason.MALFORMED, e.getClass().getSimpleName(), received);
        }
    }

    private SamlOutcome check(SamlSsoConfig sso, SpEndpoints sp, byte[] xml, String received) {
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        if (!PROTOCOL_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw new Refused(Reason.NOT_A_RESPONSE, "root element is " + root.getNodeName());
        }
        // --- shape: exactly the element used is the element signed ---
        if (doc.getElementsByTagNameNS(ASSERTION_NS, "EncryptedAssertion").getLength() > 0) {
            throw new Refused(Reason.ENCRYPTED_ASSERTION, null);
        }
        NodeList assertions = doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion");
        if (assertions.getLength() > 1) {
            throw new Refused(Reason.SIGNATURE_WRAPPING, assertions.getLength() + " assertions in the response");
        }
        if (doc.getElementsByTagNameNS(PROTOCOL_NS, "Response").getLength() != 1) {
            throw new Refused(Reason.SIGNATURE_WRAPPING, "nested Response element");
        }
        Element assertionEl = (Element) assertions.item(0);
        if (assertionEl != null && assertionEl.getParentNode() != root) {
            throw new Refused(Reason.SIGNATURE_WRAPPING, "the assertion is not a direct child of the response");
        }
        requireUniqueIds(doc);
        Element responseSig = null;
        Element assertionSig = null;
        NodeList sigs = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        for (int i = 0; i < sigs.getLength(); i++) {
            Element s = (Element) sigs.item(i);
            if (s.getParentNode() == root && responseSig == null) {
                responseSig = s;
            } else if (assertionEl != null && s.getParentNode() == assertionEl && assertionSig == null) {
                assertionSig = s;
            } else {
                throw new Refused(Reason.SIGNATURE_WRAPPING, "signature outside the response and assertion");
            }
        }

        // Only now, with the shape known to be plain, is the whole response read as a model.
        ResponseType response = parseModel(root, ResponseType.class);
        String status = response.getStatus() == null || response.getStatus().getStatusCode() == null
                || response.getStatus().getStatusCode().getValue() == null
                ? null : response.getStatus().getStatusCode().getValue().toString();
        if (!STATUS_SUCCESS.equals(status)) {
            String sub = response.getStatus() != null && response.getStatus().getStatusCode() != null
                    && response.getStatus().getStatusCode().getStatusCode() != null
                    ? " / " + response.getStatus().getStatusCode().getStatusCode().getValue() : "";
            throw new Refused(Reason.STATUS_NOT_SUCCESS, "status " + status + sub);
        }
        if (assertionEl == null) {
            throw new Refused(Reason.NO_ASSERTION, null);
        }
        if (responseSig == null && assertionSig == null) {
            throw new Refused(Reason.UNSIGNED, null);
        }
        PublicKey idpKey = idpKey(sso.idpCert());
        if (responseSig != null) {
            verify(root, responseSig, idpKey, sso);
        }
        if (assertionSig != null) {
            verify(assertionEl, assertionSig, idpKey, sso);
        }

        // --- the values, from the verified assertion element ---
        AssertionType assertion = parseModel(assertionEl, AssertionType.class);
        Instant now = clock.instant();
        var skew = sso.clockSkew();

        // Destination must be present on a signed response and always name our ACS (SAML bindings §3.5.5.2).
        String destination = response.getDestination();
        if (destination == null ? responseSig != null : !destination.equals(sp.acsUrl())) {
            throw new Refused(Reason.WRONG_DESTINATION, "Destination " + destination);
        }
        // Issuer of the Response is optional, of the Assertion required (SAML core §2.3.3, profiles §4.1.4.2).
        if (response.getIssuer() != null && !sso.issuer().equals(response.getIssuer().getValue())) {
            throw new Refused(Reason.WRONG_ISSUER, "response Issuer " + response.getIssuer().getValue());
        }
        if (assertion.getIssuer() == null || !sso.issuer().equals(assertion.getIssuer().getValue())) {
            throw new Refused(Reason.WRONG_ISSUER,
                    "assertion Issuer " + (assertion.getIssuer() == null ? null : assertion.getIssuer().getValue()));
        }

        ConditionsType conditions = assertion.getConditions();
        if (conditions == null) {
            throw new Refused(Reason.WRONG_AUDIENCE, "no Conditions / AudienceRestriction");
        }
        Instant notBefore = instant(conditions.getNotBefore());
        Instant conditionsEnd = instant(conditions.getNotOnOrAfter());
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            throw new Refused(Reason.NOT_YET_VALID, "NotBefore " + notBefore);
        }
        if (conditionsEnd != null && !now.minus(skew).isBefore(conditionsEnd)) {
            throw new Refused(Reason.EXPIRED, "Conditions NotOnOrAfter " + conditionsEnd);
        }
        // Every AudienceRestriction must name us (SAML core §2.5.1.4); profiles §4.1.4.2 requires one.
        int restrictions = 0;
        for (ConditionAbstractType c : conditions.getConditions()) {
            if (c instanceof AudienceRestrictionType ar) {
                restrictions++;
                if (ar.getAudience().stream().map(URI::toString).noneMatch(sp.entityId()::equals)) {
                    throw new Refused(Reason.WRONG_AUDIENCE, "Audience " + ar.getAudience());
                }
            }
        }
        if (restrictions == 0) {
            throw new Refused(Reason.WRONG_AUDIENCE, "no AudienceRestriction");
        }

        SubjectType subject = assertion.getSubject();
        NameIDType nameIdType = subject == null || subject.getSubType() == null
                || !(subject.getSubType().getBaseID() instanceof NameIDType n) ? null : n;
        String nameId = nameIdType == null || nameIdType.getValue() == null ? null : nameIdType.getValue().strip();
        if (nameId == null || nameId.isEmpty()) {
            throw new Refused(Reason.NAMEID_MISSING, null);
        }

        // A bearer SubjectConfirmation naming our ACS, unexpired, answering our request if any (profiles §4.1.4.3).
        String responseInResponseTo = response.getInResponseTo();
        Instant confirmationEnd = null;
        String confirmationInResponseTo = null;
        String recipientSeen = null;
        for (SubjectConfirmationType sc : subject.getConfirmation()) {
            SubjectConfirmationDataType data = sc.getSubjectConfirmationData();
            if (!BEARER.equals(sc.getMethod()) || data == null) {
                continue;
            }
            recipientSeen = data.getRecipient();
            if (!sp.acsUrl().equals(data.getRecipient())) {
                continue;
            }
            Instant end = instant(data.getNotOnOrAfter());
            if (end == null || !now.minus(skew).isBefore(end)) {
                throw new Refused(Reason.EXPIRED, "SubjectConfirmationData NotOnOrAfter " + end);
            }
            Instant scNotBefore = instant(data.getNotBefore());
            if (scNotBefore != null && now.plus(skew).isBefore(scNotBefore)) {
                throw new Refused(Reason.NOT_YET_VALID, "SubjectConfirmationData NotBefore " + scNotBefore);
            }
            confirmationEnd = end;
            confirmationInResponseTo = data.getInResponseTo();
            break;
        }
        if (confirmationEnd == null) {
            throw new Refused(Reason.WRONG_RECIPIENT, "Recipient " + recipientSeen);
        }
        String inResponseTo = responseInResponseTo != null ? responseInResponseTo : confirmationInResponseTo;
        if (responseInResponseTo != null && confirmationInResponseTo != null
                && !responseInResponseTo.equals(confirmationInResponseTo)) {
            throw new Refused(Reason.UNKNOWN_IN_RESPONSE_TO, "Response and SubjectConfirmationData disagree");
        }
        if (inResponseTo != null && !pendingRequests.consume(sso.domain(), inResponseTo)) {
            throw new Refused(Reason.UNKNOWN_IN_RESPONSE_TO, "InResponseTo " + inResponseTo);
        }

        Map<String, List<String>> attributes = attributes(assertion);
        String email = looksLikeEmail(nameId) ? nameId : null;
        if (sso.nameIdFormat() == SamlSsoConfig.NameIdFormat.EMAIL && email == null) {
            throw new Refused(Reason.NAMEID_NOT_EMAIL, "NameID " + nameId);
        }
        List<String> roles = roleParser.parse(attributes.get(sso.roleAttrFrom()), sso.roleAttrExtraction());

        Instant notOnOrAfter = conditionsEnd == null || confirmationEnd.isBefore(conditionsEnd)
                ? confirmationEnd : conditionsEnd;
        Instant keepUntil = (conditionsEnd == null || confirmationEnd.isAfter(conditionsEnd)
                ? confirmationEnd : conditionsEnd).plus(skew);
        switch (replayCache.firstUse(assertion.getID(), keepUntil)) {
            case REPLAYED -> throw new Refused(Reason.REPLAYED, "assertion " + assertion.getID());
            case FULL -> throw new Refused(Reason.REPLAY_CACHE_FULL, null);
            case FIRST -> { }
        }
        return new SamlLogin(userId(sso, nameId), nameId, email, first(attributes, "FirstName"),
                first(attributes, "LastName"), roles, assertion.getID(), notOnOrAfter, inResponseTo, received);
    }

    private static Document parse(byte[] xml) {
        try {
            return DocumentUtil.getDocument(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage();
                if (m != null && m.contains("DOCTYPE")) {
                    throw new Refused(Reason.DTD_REFUSED, null);
                }
            }
            throw new Refused(Reason.MALFORMED, "not well-formed XML");
        }
    }

    private static <T> T parseModel(Element element, Class<T> type) {
        Object parsed;
        try {
            parsed = SAMLParser.getInstance().parse(element);
        } catch (Exception e) {
            throw new Refused(Reason.MALFORMED, "not SAML 2.0: " + firstLine(e.getMessage()));
        }
        if (!type.isInstance(parsed)) {
            throw new Refused(Reason.MALFORMED, "expected " + type.getSimpleName());
        }
        return type.cast(parsed);
    }

    /** Duplicate IDs make "the element with this ID" ambiguous, the root of most wrapping attacks. */
    private static void requireUniqueIds(Document doc) {
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = all.item(i).getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                Attr a = (Attr) attrs.item(j);
                String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
                if ((name.equals("ID") || name.equals("Id") || name.equals("id")) && !ids.add(a.getValue())) {
                    throw new Refused(Reason.SIGNATURE_WRAPPING, "duplicate ID " + a.getValue());
                }
            }
        }
    }

    private static void verify(Element signed, Element signature, PublicKey idpKey, SamlSsoConfig sso) {
        String id = signed.getAttribute("ID");
        if (id.isEmpty()) {
            throw new Refused(Reason.SIGNATURE_WRAPPING, signed.getLocalName() + " without ID");
        }
        Element signedInfo = child(signature, XMLSignature.XMLNS, "SignedInfo");
        if (signedInfo == null) {
            throw new Refused(Reason.BAD_SIGNATURE, "no SignedInfo");
        }
        List<Element> references = children(signedInfo, XMLSignature.XMLNS, "Reference");
        if (references.size() != 1 || !("#" + id).equals(references.get(0).getAttribute("URI"))) {
            throw new Refused(Reason.SIGNATURE_WRAPPING, "the signature does not reference its parent " + id);
        }
        Element c14n = child(signedInfo, XMLSignature.XMLNS, "CanonicalizationMethod");
        if (c14n == null || !ALLOWED_C14N.contains(c14n.getAttribute("Algorithm"))) {
            throw new Refused(Reason.BAD_SIGNATURE, "canonicalization not allowed");
        }
        Element reference = references.get(0);
        Element transforms = child(reference, XMLSignature.XMLNS, "Transforms");
        if (transforms != null) {
            for (Element t : children(transforms, XMLSignature.XMLNS, "Transform")) {
                if (!ALLOWED_TRANSFORMS.contains(t.getAttribute("Algorithm"))) {
                    throw new Refused(Reason.SIGNATURE_WRAPPING, "transform " + t.getAttribute("Algorithm"));
                }
            }
        }
        Element method = child(signedInfo, XMLSignature.XMLNS, "SignatureMethod");
        Element digest = child(reference, XMLSignature.XMLNS, "DigestMethod");
        SignAlgo signAlgo = SignAlgo.ofAlgorithmUri(method == null ? null : method.getAttribute("Algorithm"));
        SignAlgo digestAlgo = SignAlgo.ofAlgorithmUri(digest == null ? null : digest.getAttribute("Algorithm"));
        if ((signAlgo == SignAlgo.SHA1 || digestAlgo == SignAlgo.SHA1) && !sso.allowSha1()) {
            throw new Refused(Reason.SHA1_REFUSED, null);
        }
        if (signAlgo != sso.idpSignAlgo()) {
            throw new Refused(Reason.WRONG_ALGORITHM, (method == null ? null : method.getAttribute("Algorithm"))
                    + ", configured " + sso.idpSignAlgo().json());
        }
        if (digestAlgo == null) {
            throw new Refused(Reason.BAD_SIGNATURE, "unknown digest");
        }
        // Keycloak's own view of which element the reference designates must be the parent itself.
        signed.setIdAttribute("ID", true);
        if (XMLSignatureUtil.getSignature(signed) != signature) {
            throw new Refused(Reason.SIGNATURE_WRAPPING, "the signature does not cover " + signed.getLocalName());
        }
        boolean valid;
        try {
            valid = signAlgo == SignAlgo.SHA1 || digestAlgo == SignAlgo.SHA1
                    ? validateLegacySha1(signature, idpKey)
                    : XMLSignatureUtil.validateSingleNode(signature, new HardcodedKeyLocator(idpKey));
        } catch (Exception e) {
            throw new Refused(Reason.BAD_SIGNATURE, firstLine(e.getMessage()));
        }
        if (!valid) {
            throw new Refused(Reason.BAD_SIGNATURE, signed.getLocalName() + " signature");
        }
    }

    /**
     * The JDK's secure validation forbids SHA-1 (JDK-8259709), so an SSO that explicitly allows it is checked with
     * secure validation off for this one signature. What secure validation would otherwise guard (reference count,
     * transforms, canonicalization) has been restricted by {@link #verify} already.
     */
    private static boolean validateLegacySha1(Element signature, PublicKey idpKey) throws Exception {
        DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(idpKey), signature);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }

    static PublicKey idpKey(String idpCert) {
        try {
            return parseCertificate(idpCert).getPublicKey();
        } catch (CertificateException | IllegalArgumentException e) {
            throw new Refused(Reason.BAD_IDP_CERT, null);
        }
    }

    /** A PEM certificate or the bare base64 DER IdP metadata carries. */
    public static X509Certificate parseCertificate(String pemOrBase64) throws CertificateException {
        String b64 = pemOrBase64.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(b64);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static Map<String, List<String>> attributes(AssertionType assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (AttributeStatementType st : assertion.getAttributeStatements()) {
            for (AttributeStatementType.ASTChoiceType c : st.getAttributes()) {
                AttributeType a = c.getAttribute();
                if (a == null || a.getName() == null) {
                    continue;
                }
                List<String> values = out.computeIfAbsent(a.getName(), k -> new ArrayList<>());
                for (Object v : a.getAttributeValue()) {
                    if (v instanceof String s) {
                        values.add(s);
                    }
                }
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> v = attributes.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static boolean looksLikeEmail(String s) {
        int at = s.indexOf('@');
        return at > 0 && at == s.lastIndexOf('@') && at < s.length() - 1 && s.chars().noneMatch(Character::isWhitespace);
    }

    /** Same SSO and NameID, same admin id: an e-mail NameID is compared without case (RFC 5321 §2.4 domains). */
    static String userId(SamlSsoConfig sso, String nameId) {
        String key = sso.nameIdFormat() == SamlSsoConfig.NameIdFormat.EMAIL ? nameId.toLowerCase(Locale.ROOT) : nameId;
        return UUID.nameUUIDFromBytes(("saml\n" + sso.ssoId() + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant instant(XMLGregorianCalendar c) {
        return c == null ? null : c.toGregorianCalendar().toInstant();
    }

    private static Element child(Element parent, String ns, String local) {
        List<Element> c = children(parent, ns, local);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Ends a check with a typed reason; never escapes {@link #validate}. */
    static final class Refused extends RuntimeException {
        final Reason reason;

        Refused(Reason reason, String detail) {
            super(detail == null ? reason.message() : detail, null, false, false);
            this.reason = reason;
        }
    }
}
