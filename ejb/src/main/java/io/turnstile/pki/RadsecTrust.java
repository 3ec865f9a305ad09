package io.turnstile.pki;

import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadsecCredentials;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** RadSec (RFC 6614) credentials and peer identification, backed by the organisation PKI. */
public interface RadsecTrust {

    /** Server key and chain issued by the org CA, and the CAs client certificates must chain to. */
    Optional<RadsecCredentials> credentials();

    /**
     * The RADIUS client for a peer whose chain the TLS layer already verified: the org whose CA (or radsec.cacerts
     * entry) issued it, vendor "generic", secret "radsec" (RFC 6614 §2.3), Message-Authenticator not required (TLS
     * protects the packets). Empty if no org trusts the issuer.
     */
    Optional<NasClient> resolvePeer(List<X509Certificate> peerChain, InetAddress source);
}
