package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.turnstile.sso.SamlLoginFailure.Reason;
import io.turnstile.sso.SamlSsoConfig.SignAlgo;

class SamlResponseValidatorTest {

    static final TestIdp IDP = new TestIdp("test-idp");
    static final TestIdp OTHER_IDP = new TestIdp("other-idp");
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final PendingAuthnRequests pending = new PendingAuthnRequests(clock, new SecureRandom(), Duration.ofMinutes(10), 100);
    final SamlResponseValidator validator =
            new SamlResponseValidator(clock, new AssertionReplayCache(clock, 1000), pending);
    final SpEndpoints sp = SpEndpoints.of("https://nac.example.test", "s4t5vwv8");

    static SamlSsoConfig config(String domain, SignAlgo algo, boolean allowSha1) {
        return new SamlSsoConfig("org1", "sso-" + domain, domain, TestIdp.ISSUER, IDP.certPem(), algo,
                "https://idp.example.test/sso", null, SamlSsoConfig.NameIdFormat.EMAIL, null, null, null, false,
                List.of("corp.example"), Duration.ofSeconds(60), allowSha1, false);
    }

    final SamlSsoConfig sso = config("s4t5vwv8", SignAlgo.SHA256, false);

    TestIdp.Spec spec() {
        return new TestIdp.Spec(sp, NOW);
    }

    /** A response with the assertion signed (what Keycloak and most IdPs send). */
    Document signedAssertion(TestIdp.Spec s) {
        Document d = TestIdp.parse(IDP.xml(s));
        IDP.sign(TestIdp.assertion(d), SignAlgo.SHA256);
        return d;
    }

    SamlOutcome validate(Document d) {
        return validator.validate(sso, sp, TestIdp.bytes(d));
    }

    static Reason reason(SamlOutcome o) {
        return assertInstanceOf(SamlLoginFailure.class, o, () -> "expected a failure, got " + o).reason();
    }

    @Test
    void signedAssertionLogsIn() {
        SamlOutcome o = validate(signedAssertion(spec()));
        SamlLogin login = assertInstanceOf(SamlLogin.class, o, o::toString);
        assertEquals("alice@corp.example", login.nameId());
        assertEquals("alice@corp.example", login.email());
        assertEquals("Alice", login.firstName());
        assertEquals("Liddell", login.lastName());
        assertEquals(List.of("netadmin"), login.roles());
        assertEquals("_assert1", login.assertionId());
        assertEquals(NOW.plusSeconds(300), login.notOnOrAfter());
        assertNull(login.inResponseTo());
    }

    @Test
    void signedResponseLogsIn() {
        Document d = TestIdp.parse(IDP.xml(spec()));
        IDP.sign(TestIdp.response(d), SignAlgo.SHA256);
        assertInstanceOf(SamlLogin.class, validate(d));
    }

    @Test
    void bothSignedLogsIn() {
        Document d = TestIdp.parse(IDP.xml(spec()));
        IDP.sign(TestIdp.assertion(d), SignAlgo.SHA256);
        IDP.sign(TestIdp.response(d), SignAlgo.SHA256);
        assertInstanceOf(SamlLogin.class, validate(d));
    }

    @Test
    void postBindingBase64IsDecoded() {
        String b64 = Base64.getMimeEncoder().encodeToString(TestIdp.bytes(signedAssertion(spec())));
        assertInstanceOf(SamlLogin.class, validator.validatePost(sso, sp, b64));
        assertEquals(Reason.MALFORMED, reason(validator.validatePost(sso, sp, "%%%not base64")));
        assertEquals(Reason.NO_RESPONSE, reason(validator.validatePost(sso, sp, null)));
    }

    @Test
    void attributeChangedAfterSigningIsRefused() {
        Document d = signedAssertion(spec());
        Element value = (Element) d.getElementsByTagNameNS(TestIdp.A, "AttributeValue").item(0);
        value.setTextContent("superuser");
        assertEquals(Reason.BAD_SIGNATURE, reason(validate(d)));
    }

    @Test
    void nameIdChangedAfterSigningTheResponseIsRefused() {
        Document d = TestIdp.parse(IDP.xml(spec()));
        IDP.sign(TestIdp.response(d), SignAlgo.SHA256);
        d.getElementsByTagNameNS(TestIdp.A, "NameID").item(0).setTextContent("mallory@corp.example");
        assertEquals(Reason.BAD_SIGNATURE, reason(validate(d)));
    }

    @Test
    void unsignedIsRefused() {
        assertEquals(Reason.UNSIGNED, reason(validate(TestIdp.parse(IDP.xml(spec())))));
    }

    @Test
    void signedByAnotherKeyIsRefused() {
        Document d = TestIdp.parse(IDP.xml(spec()));
        OTHER_IDP.sign(TestIdp.assertion(d), SignAlgo.SHA256);
        assertEquals(Reason.BAD_SIGNATURE, reason(validate(d)));
    }

    @Test
    void wrongAudienceIsRefused() {
        TestIdp.Spec s = spec();
        s.audience = "https://other-sp.example.test";
        assertEquals(Reason.WRONG_AUDIENCE, reason(validate(signedAssertion(s))));
    }

    @Test
    void wrongIssuerIsRefused() {
        TestIdp.Spec s = spec();
        s.issuer = "https://evil.example.test";
        assertEquals(Reason.WRONG_ISSUER, reason(validate(signedAssertion(s))));
    }

    @Test
    void wrongDestinationIsRefused() {
        TestIdp.Spec s = spec();
        s.destination = "https://nac.example.test/api/v1/saml/zzz/login";
        assertEquals(Reason.WRONG_DESTINATION, reason(validate(signedAssertion(s))));
    }

    @Test
    void wrongRecipientIsRefused() {
        TestIdp.Spec s = spec();
        s.recipient = "https://elsewhere.example.test/acs";
        assertEquals(Reason.WRONG_RECIPIENT, reason(validate(signedAssertion(s))));
    }

    @Test
    void responseForAnotherSsoDomainIsRefused() {
        // Same org, same IdP and certificate: only the ACS URL differs, and it is checked.
        SpEndpoints otherSp = SpEndpoints.of("https://nac.example.test", "other123");
        Document d = signedAssertion(new TestIdp.Spec(otherSp, NOW));
        SamlOutcome o = validator.validate(sso, sp, TestIdp.bytes(d));
        assertEquals(Reason.WRONG_DESTINATION, reason(o));
        assertInstanceOf(SamlLogin.class, validator.validate(config("other123", SignAlgo.SHA256, false), otherSp, TestIdp.bytes(d)));
    }

    @Test
    void expiredIsRefusedButClockSkewIsTolerated() {
        TestIdp.Spec s = spec();
        s.issued = NOW.minusSeconds(400);
        s.notBefore = NOW.minusSeconds(400);
        s.notOnOrAfter = NOW.minusSeconds(90);
        assertEquals(Reason.EXPIRED, reason(validate(signedAssertion(s))));

        TestIdp.Spec withinSkew = spec();
        withinSkew.assertionId = "_assert2";
        withinSkew.notOnOrAfter = NOW.minusSeconds(30);   // 60 s skew configured
        assertInstanceOf(SamlLogin.class, validate(signedAssertion(withinSkew)));
    }

    @Test
    void notYetValidIsRefused() {
        TestIdp.Spec s = spec();
        s.notBefore = NOW.plusSeconds(120);
        assertEquals(Reason.NOT_YET_VALID, reason(validate(signedAssertion(s))));
    }

    @Test
    void replayIsRefused() {
        byte[] once = TestIdp.bytes(signedAssertion(spec()));
        assertInstanceOf(SamlLogin.class, validator.validate(sso, sp, once));
        SamlOutcome again = validator.validate(sso, sp, once);
        assertEquals(Reason.REPLAYED, reason(again));
        assertTrue(((SamlLoginFailure) again).receivedXml().contains("_assert1"));
    }

    @Test
    void dtdAndExternalEntityAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String signed = new String(TestIdp.bytes(signedAssertion(spec())), StandardCharsets.UTF_8);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + signed.replace(">Alice<", ">&x;<");
        SamlOutcome o = validator.validate(sso, sp, xxe.getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.DTD_REFUSED, reason(o));
        assertFalse(((SamlLoginFailure) o).detail().contains("TOP-SECRET"));

        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><samlp:Response xmlns:samlp=\""
                + TestIdp.P + "\">&lol2;</samlp:Response>";
        assertEquals(Reason.DTD_REFUSED, reason(validator.validate(sso, sp, billionLaughs.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void sha1IsRefusedUnlessAllowed() {
        Document d = TestIdp.parse(IDP.xml(spec()));
        IDP.sign(TestIdp.assertion(d), SignAlgo.SHA1);
        byte[] sha1 = TestIdp.bytes(d);
        assertEquals(Reason.SHA1_REFUSED, reason(validator.validate(config("s4t5vwv8", SignAlgo.SHA1, false), sp, sha1)));
        // SHA-256 signature over a SHA-1 digest is SHA-1 too.
        Document mixed = TestIdp.parse(IDP.xml(spec()));
        IDP.sign(TestIdp.assertion(mixed), SignAlgo.SHA256.rsaSignatureUri(), SignAlgo.SHA1.digestUri());
        assertEquals(Reason.SHA1_REFUSED, reason(validate(mixed)));

        SamlOutcome allowed = validator.validate(config("s4t5vwv8", SignAlgo.SHA1, true), sp, sha1);
        assertInstanceOf(SamlLogin.class, allowed, allowed::toString);
    }

    @Test
    void algorithmOtherThanConfiguredIsRefused() {
        Document d = TestIdp.parse(IDP.xml(spec()));
        IDP.sign(TestIdp.assertion(d), SignAlgo.SHA512);
        assertEquals(Reason.WRONG_ALGORITHM, reason(validate(d)));
        assertInstanceOf(SamlLogin.class, validator.validate(config("s4t5vwv8", SignAlgo.SHA512, false), sp, TestIdp.bytes(d)));
    }

    @Test
    void statusOtherThanSuccessIsRefused() {
        TestIdp.Spec s = spec();
        s.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
        SamlOutcome o = validate(signedAssertion(s));
        assertEquals(Reason.STATUS_NOT_SUCCESS, reason(o));
        assertTrue(((SamlLoginFailure) o).detail().contains("Responder"));
    }

    @Test
    void inResponseToMustNameAPendingRequestOfThisSsoOnce() {
        String id = pending.issue(sso.domain());
        TestIdp.Spec s = spec();
        s.inResponseTo = id;
        byte[] response = TestIdp.bytes(signedAssertion(s));
        SamlLogin login = assertInstanceOf(SamlLogin.class, validator.validate(sso, sp, response));
        assertEquals(id, login.inResponseTo());

        TestIdp.Spec unknown = spec();
        unknown.assertionId = "_assert9";
        unknown.inResponseTo = "_never_sent";
        assertEquals(Reason.UNKNOWN_IN_RESPONSE_TO, reason(validate(signedAssertion(unknown))));

        String otherDomainRequest = pending.issue("other123");
        TestIdp.Spec crossed = spec();
        crossed.assertionId = "_assert10";
        crossed.inResponseTo = otherDomainRequest;
        assertEquals(Reason.UNKNOWN_IN_RESPONSE_TO, reason(validate(signedAssertion(crossed))));
    }

    @Test
    void nameIdIsRequiredAndMustBeAnEmailForEmailFormat() {
        TestIdp.Spec none = spec();
        none.nameId = null;
        assertEquals(Reason.NAMEID_MISSING, reason(validate(signedAssertion(none))));

        TestIdp.Spec opaque = spec();
        opaque.nameId = "f81d4fae-7dec";
        opaque.nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
        assertEquals(Reason.NAMEID_NOT_EMAIL, reason(validate(signedAssertion(opaque))));
    }

    @Test
    void unspecifiedNameIdGetsAStableGeneratedUserId() {
        SamlSsoConfig unspecified = new SamlSsoConfig("org1", "sso-1", "s4t5vwv8", TestIdp.ISSUER, IDP.certPem(),
                SignAlgo.SHA256, null, null, SamlSsoConfig.NameIdFormat.UNSPECIFIED, null, null, null, false,
                null, null, false, false);
        TestIdp.Spec a = spec();
        a.nameId = "f81d4fae-7dec";
        a.nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
        TestIdp.Spec b = spec();
        b.nameId = a.nameId;
        b.nameIdFormat = a.nameIdFormat;
        b.assertionId = "_assert2";
        SamlLogin first = assertInstanceOf(SamlLogin.class, validator.validate(unspecified, sp, TestIdp.bytes(signedAssertion(a))));
        SamlLogin second = assertInstanceOf(SamlLogin.class, validator.validate(unspecified, sp, TestIdp.bytes(signedAssertion(b))));
        assertEquals(first.userId(), second.userId());
        assertNull(first.email());
        TestIdp.Spec c = spec();
        c.nameId = "someone-else";
        c.assertionId = "_assert3";
        SamlLogin other = assertInstanceOf(SamlLogin.class, validator.validate(unspecified, sp, TestIdp.bytes(signedAssertion(c))));
        assertNotEquals(first.userId(), other.userId());
    }

    @Test
    void roleAttributeNameIsCaseSensitiveOrConfigured() {
        TestIdp.Spec s = spec();
        s.attributes.remove("Role");
        s.attr("role", "netadmin").attr("memberOf", "CN=ops,OU=groups,DC=corp", "CN=audit,OU=groups,DC=corp");
        SamlLogin login = assertInstanceOf(SamlLogin.class, validate(signedAssertion(s)));
        assertEquals(List.of(), login.roles());

        SamlSsoConfig fromMemberOf = new SamlSsoConfig("org1", "sso-1", "s4t5vwv8", TestIdp.ISSUER, IDP.certPem(),
                SignAlgo.SHA256, null, null, null, "memberOf", SamlSsoConfig.RoleExtraction.CN, null, false,
                null, null, false, false);
        s.assertionId = "_assert2";
        SamlLogin cn = assertInstanceOf(SamlLogin.class, validator.validate(fromMemberOf, sp, TestIdp.bytes(signedAssertion(s))));
        assertEquals(List.of("ops", "audit"), cn.roles());
    }

    @Test
    void notAResponseAndGarbageAreRefusedWithReasons() {
        assertEquals(Reason.MALFORMED, reason(validator.validate(sso, sp, "<oops".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Reason.NOT_A_RESPONSE, reason(validator.validate(sso, sp,
                ("<samlp:AuthnRequest xmlns:samlp=\"" + TestIdp.P + "\" ID=\"_x\" Version=\"2.0\"/>").getBytes(StandardCharsets.UTF_8))));
        assertEquals(Reason.TOO_LARGE, reason(validator.validate(sso, sp, new byte[SamlResponseValidator.MAX_RESPONSE_BYTES + 1])));
    }

    @Test
    void unreadableIdpCertIsAReasonNotACrash() {
        SamlSsoConfig broken = new SamlSsoConfig("org1", "sso-1", "s4t5vwv8", TestIdp.ISSUER, "not a cert",
                SignAlgo.SHA256, null, null, null, null, null, null, false, null, null, false, false);
        assertEquals(Reason.BAD_IDP_CERT, reason(validator.validate(broken, sp, TestIdp.bytes(signedAssertion(spec())))));
    }
}
