package io.turnstile.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Which organisation a RadSec peer (RFC 6614) belongs to, once the TLS layer has verified its chain: the first
 * organisation (in the order given: oldest first) one of whose trusted CAs (its own CA, then its
 * {@code radsec.cacerts}) issued an element of the peer's chain, matched by issuer name and signature. Only the
 * chain's issuance path counts (see {@link #issuancePath}). The peer certificate must also be within its validity and,
 * if it has an extKeyUsage extension, allow clientAuth (RFC 5280 §4.2.1.12; anyExtendedKeyUsage is accepted as that
 * section allows). Plain Java: no container, no state.
 */
public final class RadsecPeerMatcher {

    /** clientAuth (RFC 5280 §4.2.1.12). */
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** anyExtendedKeyUsage (RFC 5280 §4.2.1.12). */
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    /** The CAs an organisation trusts for RadSec peers. */
    public record OrgTrust(String orgId, List<X509Certificate> trustedCas) {
        public OrgTrust {
            trustedCas = List.copyOf(trustedCas);
        }
    }

    /**
     * The outcome: {@code orgId} and the peer's common name when accepted, else {@code reason} (for a log line; it
     * names certificates by subject, never shows keys).
     */
    public record Match(String orgId, String commonName, String reason) {
        static Match accepted(String orgId, String commonName) {
            return new Match(orgId, commonName, null);
        }

        static Match refused(String reason) {
            return new Match(null, null, reason);
        }

        public boolean isAccepted() {
            return orgId != null;
        }
    }

    private RadsecPeerMatcher() {
    }

    public static Match match(List<X509Certificate> peerChain, List<OrgTrust> orgs, Instant now) {
        if (peerChain == null || peerChain.isEmpty()) {
            return Match.refused("no peer certificate");
        }
        X509Certificate peer = peerChain.get(0);
        String subject = peer.getSubjectX500Principal().getName();
        try {
            peer.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return Match.refused("peer certificate " + subject + " expired " + peer.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return Match.refused("peer certificate " + subject + " is not valid before "
                    + peer.getNotBefore().toInstant());
        }
        List<String> purposes;
        try {
            purposes = peer.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Match.refused("peer certificate " + subject + " has a malformed extKeyUsage extension");
        }
        if (purposes != null && !purposes.contains(CLIENT_AUTH) && !purposes.contains(ANY_EXTENDED_KEY_USAGE)) {
            return Match.refused("peer certificate " + subject + " has an extKeyUsage without clientAuth " + purposes);
        }
        for (X509Certificate element : issuancePath(peerChain)) {
            for (OrgTrust org : orgs) {
                for (X509Certificate ca : org.trustedCas()) {
                    if (issuedBy(element, ca)) {
                        return Match.accepted(org.orgId(), commonName(peer));
                    }
                }
            }
        }
        return Match.refused("no organisation trusts the issuer " + peer.getIssuerX500Principal().getName()
                + " of peer certificate " + subject);
    }

    /** The (first) CN of the subject, or the whole RFC 2253 subject if it has none. */
    public static String commonName(X509Certificate certificate) {
        return X500Names.commonName(certificate.getSubjectX500Principal())
                .orElseGet(() -> certificate.getSubjectX500Principal().getName());
    }

    /**
     * The leading part of the chain in which each certificate was really issued by the next one: elements the peer
     * merely appended (another organisation's CA certificate, say) cannot decide which organisation it belongs to.
     */
    static List<X509Certificate> issuancePath(List<X509Certificate> chain) {
        int length = 1;
        while (length < chain.size() && issuedBy(chain.get(length - 1), chain.get(length))) {
            length++;
        }
        return chain.subList(0, length);
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
