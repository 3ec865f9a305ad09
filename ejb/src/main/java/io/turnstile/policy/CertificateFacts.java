package io.turnstile.policy;

import java.time.Instant;
import java.util.List;

/**
 * What a validated client certificate says, for policy ({@code cert_*} label matches) and for NAC events. Filled by
 * the EAP method that saw the certificate (EAP-TLS, PEAP-TLS, TEAP inner EAP-TLS); never parsed by policy itself.
 *
 * @param cn       subject common name, or null
 * @param sanUpn   subjectAltName otherName UPN values (Microsoft, 1.3.6.1.4.1.311.20.2.3)
 * @param sanEmail subjectAltName rfc822Name values
 * @param sanDns   subjectAltName dNSName values
 * @param serial   serial number, lower-case hex without separators
 * @param issuer   issuer DN (RFC 4514 string)
 * @param subject  subject DN (RFC 4514 string)
 * @param ekus     extended key usage OIDs, plus names for the common ones ("clientAuth", "serverAuth")
 * @param template Microsoft certificate template name or OID, or null
 * @param notAfter expiry
 */
public record CertificateFacts(String cn, List<String> sanUpn, List<String> sanEmail, List<String> sanDns,
                               String serial, String issuer, String subject, List<String> ekus, String template,
                               Instant notAfter) {

    public CertificateFacts {
        sanUpn = sanUpn == null ? List.of() : List.copyOf(sanUpn);
        sanEmail = sanEmail == null ? List.of() : List.copyOf(sanEmail);
        sanDns = sanDns == null ? List.of() : List.copyOf(sanDns);
        ekus = ekus == null ? List.of() : List.copyOf(ekus);
    }

    /** Every SAN value (UPN, email, DNS), for {@code cert_san} matches. */
    public List<String> allSans() {
        var all = new java.util.ArrayList<String>(sanUpn.size() + sanEmail.size() + sanDns.size());
        all.addAll(sanUpn);
        all.addAll(sanEmail);
        all.addAll(sanDns);
        return all;
    }

    /** The certificate as NAC event fields ({@code cert_cn}, {@code cert_san_upn}, ...); empty lists and nulls left out. */
    public java.util.Map<String, Object> eventFields() {
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("cert_cn", cn);
        out.put("cert_serial", serial);
        out.put("cert_issuer", issuer);
        out.put("cert_subject", subject);
        out.put("cert_template", template);
        out.put("cert_expiry", notAfter == null ? null : notAfter.getEpochSecond());
        out.put("cert_san_upn", sanUpn.isEmpty() ? null : sanUpn);
        out.put("cert_san_email", sanEmail.isEmpty() ? null : sanEmail);
        out.put("cert_san_dns", sanDns.isEmpty() ? null : sanDns);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }
}
