package io.turnstile.pki;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import javax.security.auth.x500.X500Principal;
import java.util.Optional;

/** Reading distinguished names. */
final class X500Names {

    private X500Names() {
    }

    /** The first CN of the name, as its plain string value (not RFC 4514-escaped). */
    static Optional<String> commonName(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            return Optional.empty();
        }
        var value = cn[0].getFirst().getValue();
        return Optional.of(value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
    }

    static Optional<String> commonName(X500Principal principal) {
        return commonName(X500Name.getInstance(principal.getEncoded()));
    }
}
