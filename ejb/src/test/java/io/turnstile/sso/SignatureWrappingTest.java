package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.turnstile.sso.SamlLoginFailure.Reason;
import io.turnstile.sso.SamlSsoConfig.SignAlgo;

/**
 * The XML signature wrapping shapes XSW1–XSW8 (Somorovsky et al., "On Breaking SAML", USENIX Security 2012; the
 * numbering of SAML Raider), built from a genuinely signed response: each keeps a valid signature over the original
 * element and puts an attacker's assertion (NameID mallory) where a careless SP would read it. Each must be refused
 * as wrapping, never logged in as mallory or alice.
 */
class SignatureWrappingTest {

    static final TestIdp IDP = SamlResponseValidatorTest.IDP;

    final Clock clock = Clock.fixed(SamlResponseValidatorTest.NOW, ZoneOffset.UTC);
    final SamlResponseValidator validator = new SamlResponseValidator(clock, new AssertionReplayCache(clock, 100),
            new PendingAuthnRequests(clock, new SecureRandom(), Duration.ofMinutes(5), 10));
    final SpEndpoints sp = SpEndpoints.of("https://nac.example.test", "s4t5vwv8");
    final SamlSsoConfig sso = SamlResponseValidatorTest.config("s4t5vwv8", SignAlgo.SHA256, false);

    Document signed(boolean response) {
        Document d = TestIdp.parse(IDP.xml(new TestIdp.Spec(sp, SamlResponseValidatorTest.NOW)));
        IDP.sign(response ? TestIdp.response(d) : TestIdp.assertion(d), SignAlgo.SHA256);
        return d;
    }

    /** The signed original still validates: the tampering below is what makes each case fail. */
    @Test
    void originalsAreAccepted() {
        assertInstanceOf(SamlLogin.class, validator.validate(sso, sp, TestIdp.bytes(signed(true))));
        SamlResponseValidator fresh = new SamlResponseValidator(clock, new AssertionReplayCache(clock, 100),
                new PendingAuthnRequests(clock, new SecureRandom(), Duration.ofMinutes(5), 10));
        assertInstanceOf(SamlLogin.class, fresh.validate(sso, sp, TestIdp.bytes(signed(false))));
    }

    static void makeEvil(Element assertion, String id) {
        assertion.setAttribute("ID", id);
        assertion.getElementsByTagNameNS(TestIdp.A, "NameID").item(0).setTextContent("mallory@corp.example");
        assertion.getElementsByTagNameNS(TestIdp.A, "AttributeValue").item(0).setTextContent("superuser");
    }

    static Element unsignedCopy(Element e) {
        Element copy = (Element) e.cloneNode(true);
        Element sig = TestIdp.signatureOf(copy);
        if (sig != null) {
            copy.removeChild(sig);
        }
        return copy;
    }

    void assertWrapping(Document d) {
        SamlOutcome o = validator.validate(sso, sp, TestIdp.bytes(d));
        assertEquals(Reason.SIGNATURE_WRAPPING, SamlResponseValidatorTest.reason(o), o.toString());
    }

    @Test
    void xsw1SignedResponseInsideTheSignatureOfAnEvilResponse() {
        Document d = signed(true);
        Element root = TestIdp.response(d);
        Element original = (Element) root.cloneNode(true);
        original.removeChild(TestIdp.signatureOf(original));
        root.setAttribute("ID", "_evilresp");
        makeEvil(TestIdp.assertion(d), "_evilassert");
        TestIdp.signatureOf(root).appendChild(original);
        assertWrapping(d);
    }

    @Test
    void xsw2SignedResponseBeforeADetachedSignature() {
        Document d = signed(true);
        Element root = TestIdp.response(d);
        Element original = (Element) root.cloneNode(true);
        original.removeChild(TestIdp.signatureOf(original));
        root.setAttribute("ID", "_evilresp");
        makeEvil(TestIdp.assertion(d), "_evilassert");
        root.insertBefore(original, TestIdp.signatureOf(root));
        assertWrapping(d);
    }

    @Test
    void xsw3EvilAssertionBeforeTheSignedOne() {
        Document d = signed(false);
        Element original = TestIdp.assertion(d);
        Element evil = unsignedCopy(original);
        makeEvil(evil, "_evilassert");
        TestIdp.response(d).insertBefore(evil, original);
        assertWrapping(d);
    }

    @Test
    void xsw4SignedAssertionInsideTheEvilOne() {
        Document d = signed(false);
        Element original = TestIdp.assertion(d);
        Element evil = unsignedCopy(original);
        makeEvil(evil, "_evilassert");
        TestIdp.response(d).replaceChild(evil, original);
        evil.appendChild(original);
        assertWrapping(d);
    }

    @Test
    void xsw5EvilAssertionKeepsTheSignatureOriginalAppendedAtTheEnd() {
        Document d = signed(false);
        Element evil = TestIdp.assertion(d);
        Element original = unsignedCopy(evil);
        makeEvil(evil, "_evilassert");
        TestIdp.response(d).appendChild(original);
        assertWrapping(d);
    }

    @Test
    void xsw6OriginalAssertionInsideTheSignatureOfTheEvilOne() {
        Document d = signed(false);
        Element evil = TestIdp.assertion(d);
        Element original = unsignedCopy(evil);
        makeEvil(evil, "_evilassert");
        TestIdp.signatureOf(evil).appendChild(original);
        assertWrapping(d);
    }

    @Test
    void xsw7SignedAssertionHiddenInExtensions() {
        Document d = signed(false);
        Element root = TestIdp.response(d);
        Element original = TestIdp.assertion(d);
        Element evil = unsignedCopy(original);
        makeEvil(evil, "_evilassert");
        Element extensions = d.createElementNS(TestIdp.P, "samlp:Extensions");
        root.insertBefore(extensions, root.getElementsByTagNameNS(TestIdp.P, "Status").item(0));
        root.replaceChild(evil, original);
        extensions.appendChild(original);
        assertWrapping(d);
    }

    @Test
    void xsw8OriginalAssertionInADsObjectOfTheEvilSignature() {
        Document d = signed(false);
        Element evil = TestIdp.assertion(d);
        Element original = unsignedCopy(evil);
        makeEvil(evil, "_evilassert");
        Element object = d.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Object");
        object.appendChild(original);
        TestIdp.signatureOf(evil).appendChild(object);
        assertWrapping(d);
    }

    // Shapes with a single assertion, so the later rules (not the assertion count) are what refuses them.

    @Test
    void onlyAssertionMovedOutOfTheResponseIsRefused() {
        Document d = signed(false);
        Element root = TestIdp.response(d);
        Element original = TestIdp.assertion(d);
        Element extensions = d.createElementNS(TestIdp.P, "samlp:Extensions");
        root.insertBefore(extensions, root.getElementsByTagNameNS(TestIdp.P, "Status").item(0));
        extensions.appendChild(original);
        assertWrapping(d);
    }

    @Test
    void duplicateIdIsRefused() {
        Document d = signed(false);
        Element root = TestIdp.response(d);
        Element extensions = d.createElementNS(TestIdp.P, "samlp:Extensions");
        Element decoy = d.createElementNS("urn:example:decoy", "x:Decoy");
        decoy.setAttribute("ID", "_assert1");
        extensions.appendChild(decoy);
        root.insertBefore(extensions, root.getElementsByTagNameNS(TestIdp.P, "Status").item(0));
        assertWrapping(d);
    }

    @Test
    void signatureReferencingAnotherElementIsRefused() {
        // A signed response whose signature is moved onto the (unsigned) assertion: valid signature, wrong parent.
        Document d = signed(true);
        Element root = TestIdp.response(d);
        Element sig = TestIdp.signatureOf(root);
        root.removeChild(sig);
        Element assertion = TestIdp.assertion(d);
        assertion.insertBefore(sig, assertion.getElementsByTagNameNS(TestIdp.A, "Subject").item(0));
        assertWrapping(d);
    }

    @Test
    void xpathTransformIsRefused() {
        Document d = signed(false);
        Element transforms = (Element) TestIdp.signatureOf(TestIdp.assertion(d))
                .getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Transforms").item(0);
        Element xpath = d.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Transform");
        xpath.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        transforms.appendChild(xpath);
        assertWrapping(d);
    }
}
