package io.turnstile.eap;

import io.turnstile.pki.CertificateValidation;
import io.turnstile.policy.AuthType;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a method learnt. {@link #toString()} never shows the keys.
 *
 * @param authType    the method, as the contract names it
 * @param identity    the authenticated identity (certificate UPN/email/CN), or null
 * @param certificate the client certificate check, or null if none was presented
 * @param msk         Master Session Key (64 octets, RFC 5247 §1.2), empty on failure
 * @param tlsVersion  negotiated TLS version ("TLSv1.2", "TLSv1.3"), or null
 * @param idpGroups   directory groups of the identity from the identity provider (TTLS/PAP), never null
 * @param emsk        Extended Master Session Key (64 octets, RFC 5247 §1.2), empty when the method defines none or
 *                    failed. It stays on the server (RFC 5247 §1.4: the EMSK is never sent to the authenticator), kept
 *                    for future key hierarchies (RFC 5295).
 * @param innerAuthentications each inner authentication of a chained method (TEAP: machine, then user), never null;
 *                    {@code identity} and {@code certificate} are then those of the last successful one
 */
public record MethodResult(AuthType authType, String identity, CertificateValidation certificate, byte[] msk,
                           String tlsVersion, java.util.List<String> idpGroups, byte[] emsk,
                           java.util.List<InnerAuthentication> innerAuthentications) {

    public MethodResult {
        msk = msk == null ? new byte[0] : msk.clone();
        idpGroups = idpGroups == null ? java.util.List.of() : java.util.List.copyOf(idpGroups);
        emsk = emsk == null ? new byte[0] : emsk.clone();
        innerAuthentications = innerAuthentications == null ? java.util.List.of()
                : java.util.List.copyOf(innerAuthentications);
    }

    /** A result of a method without inner chaining (EAP-TLS, TTLS, PEAP). */
    public MethodResult(AuthType authType, String identity, CertificateValidation certificate, byte[] msk,
                        String tlsVersion, java.util.List<String> idpGroups, byte[] emsk) {
        this(authType, identity, certificate, msk, tlsVersion, idpGroups, emsk, null);
    }

    /** A result without an EMSK. */
    public MethodResult(AuthType authType, String identity, CertificateValidation certificate, byte[] msk,
                        String tlsVersion, java.util.List<String> idpGroups) {
        this(authType, identity, certificate, msk, tlsVersion, idpGroups, null, null);
    }

    /** A result without directory groups (EAP-TLS). */
    public MethodResult(AuthType authType, String identity, CertificateValidation certificate, byte[] msk,
                        String tlsVersion) {
        this(authType, identity, certificate, msk, tlsVersion, null);
    }

    public static MethodResult nothing(AuthType authType) {
        return new MethodResult(authType, null, null, null, null);
    }

    @Override
    public byte[] msk() {
        return msk.clone();
    }

    @Override
    public byte[] emsk() {
        return emsk.clone();
    }

    public Optional<CertificateValidation> certificateCheck() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodResult r && r.authType == authType && java.util.Objects.equals(r.identity, identity)
                && java.util.Objects.equals(r.certificate, certificate) && Arrays.equals(r.msk, msk)
                && Arrays.equals(r.emsk, emsk)
                && r.idpGroups.equals(idpGroups) && r.innerAuthentications.equals(innerAuthentications);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(authType, identity, certificate);
    }

    @Override
    public String toString() {
        return "MethodResult[authType=" + authType + ", identity=" + identity + ", certificate=" + certificate
                + ", msk=<" + msk.length + " octets>, emsk=<" + emsk.length + " octets>, tlsVersion=" + tlsVersion
                + ", idpGroups=" + idpGroups + ", innerAuthentications=" + innerAuthentications + "]";
    }
}
