package io.turnstile.eap;

import io.turnstile.events.NacEvent;
import io.turnstile.pki.CertificateValidation;
import io.turnstile.policy.AccessRequestFacts;
import io.turnstile.policy.CertificateFacts;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.codec.MppeKeyEncryption;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc3579;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** EAP outcomes in RADIUS terms (RFC 3579, RFC 2548) and as NAC facts and events. Pure. */
public final class EapRadius {

    private EapRadius() {
    }

    /** RFC 3579 §2.6.1: Access-Challenge with the EAP-Request split into EAP-Message attributes, and State. */
    public static RadiusReply challenge(EapOutcome.Challenge c) {
        List<RadiusAttribute> attributes = new ArrayList<>(Rfc3579.splitEapMessage(c.eapRequest()));
        attributes.add(RadiusAttribute.ofBytes(Rfc2865.STATE, c.state()));
        return RadiusReply.of(Rfc2865.ACCESS_CHALLENGE, attributes);
    }

    /**
     * The Access-Accept additions of a successful EAP method: EAP-Success (RFC 3579 §2.6.2) and the MSK as
     * MS-MPPE-Recv-Key (first 32 octets) and MS-MPPE-Send-Key (next 32), salt-encrypted per RFC 2548 §2.4.2/§2.4.3
     * (the split is RFC 5216 §2.3's "MS-MPPE-Recv-Key = MSK(0,31)", as FreeRADIUS and every AP expect).
     */
    public static List<RadiusAttribute> acceptAttributes(EapOutcome.Finished f, RadiusRequest request,
                                                         SecureRandom random) {
        List<RadiusAttribute> out = new ArrayList<>(Rfc3579.splitEapMessage(f.eapSuccess()));
        byte[] msk = f.result().msk();
        if (msk.length >= 64) {
            byte[] recv = Arrays.copyOfRange(msk, 0, 32);
            byte[] send = Arrays.copyOfRange(msk, 32, 64);
            out.addAll(MppeKeyEncryption.keyAttributes(send, recv, request.client().secret(),
                    request.packet().authenticator(), random));
            Arrays.fill(recv, (byte) 0);
            Arrays.fill(send, (byte) 0);
        }
        Arrays.fill(msk, (byte) 0);
        return out;
    }

    /** RFC 3579 §2.6.3: the EAP-Failure of an Access-Reject. */
    public static List<RadiusAttribute> rejectAttributes(EapOutcome.Finished f) {
        return Rfc3579.splitEapMessage(f.eapFailure());
    }

    /** The facts after the method: the real method, the certificate and the identity it proved (not the outer one). */
    public static AccessRequestFacts facts(AccessRequestFacts base, EapOutcome.Finished f) {
        MethodResult r = f.result();
        AccessRequestFacts facts = base.withAuthType(r.authType());
        CertificateValidation v = r.certificate();
        if (f.success() && v != null && v.valid()) {
            facts = facts.withCertificate(v.facts());
        }
        if (f.success() && r.identity() != null) {
            facts = facts.withIdentity(r.identity(), realm(r.identity()), r.idpGroups());
        }
        if (f.success()) {
            // TEAP chain (RFC 7170 §3.3.1): user_name and cert_* are the user's when the user authenticated, else the
            // machine's; the machine certificate names the host, so policy tells "machine + user" from the rest.
            for (InnerAuthentication a : r.innerAuthentications()) {
                if (a.success() && a.holder() == io.turnstile.pki.CertificateHolder.MACHINE && a.certificate() != null
                        && a.certificate().facts() != null) {
                    facts = facts.withHostname(hostname(a.certificate().facts(), a.identity()));
                }
            }
        }
        return facts;
    }

    /** A machine certificate's host name: its first DNS SAN, else its CN (Windows: {@code host/} prefix dropped). */
    static String hostname(CertificateFacts c, String fallback) {
        String name = !c.sanDns().isEmpty() ? c.sanDns().get(0) : c.cn() != null ? c.cn() : fallback;
        return name != null && name.regionMatches(true, 0, "host/", 0, 5) ? name.substring(5) : name;
    }

    static String realm(String identity) {
        int at = identity.lastIndexOf('@');
        return at >= 0 && at < identity.length() - 1 ? identity.substring(at + 1) : null;
    }

    /** Event fields of a certificate ({@code cert_*}, as in the contract's client_nac). */
    public static Map<String, Object> certificateFields(CertificateFacts c) {
        return c == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.eventFields());
    }

    /**
     * Every certificate check of the conversation as its own NAC event: one for EAP-TLS and PEAP-TLS
     * ({@code NAC_CLIENT_CERT_CHECK_SUCCESS}, ...), one per inner EAP-TLS of a TEAP chain with the Machine/User
     * variants ({@code NAC_CLIENT_MACHINE_CERT_CHECK_SUCCESS}, {@code NAC_CLIENT_USER_CERT_EXPIRED}, ...).
     */
    public static List<NacEvent> certificateEvents(RadiusRequest request, AccessRequestFacts facts,
                                                   EapOutcome.Finished f) {
        List<NacEvent> out = new ArrayList<>();
        List<InnerAuthentication> chain = f.result().innerAuthentications();
        if (chain.isEmpty()) {
            if (f.result().certificate() != null) {
                out.add(certificateEvent(request, facts, f, f.result().certificate()));
            }
            return out;
        }
        for (InnerAuthentication a : chain) {
            if (a.certificate() != null) {
                out.add(certificateEvent(request, facts, f, a.certificate(), a.holder()));
            }
        }
        return out;
    }

    /** The certificate check as its own NAC event ({@code NAC_CLIENT_CERT_CHECK_SUCCESS}, ..._FAILURE, ...). */
    public static NacEvent certificateEvent(RadiusRequest request, AccessRequestFacts facts, EapOutcome.Finished f,
                                            CertificateValidation v) {
        return certificateEvent(request, facts, f, v, io.turnstile.pki.CertificateHolder.CLIENT);
    }

    static NacEvent certificateEvent(RadiusRequest request, AccessRequestFacts facts, EapOutcome.Finished f,
                                     CertificateValidation v, io.turnstile.pki.CertificateHolder holder) {
        Map<String, Object> extra = new LinkedHashMap<>(certificateFields(v.facts()));
        extra.put("text", holder.eventText(v.outcome()));
        if (v.ocsp() != null) {
            extra.put("cert_ocsp", v.ocsp()); // good / revoked / unavailable (then the reason says fail-open or not)
        }
        if (v.ocspRevokedSubject() != null) {
            extra.put("cert_ocsp_revoked_subject", v.ocspRevokedSubject()); // the leaf or an intermediate CA
        }
        if (f.result().tlsVersion() != null) {
            extra.put("tls_version", f.result().tlsVersion());
        }
        var client = request.client();
        String user = v.facts() == null ? f.identity() : identityOf(v.facts(), f.identity());
        return new NacEvent(UUID.randomUUID().toString(), client.orgId(), client.siteId(), request.receivedAt(),
                holder.eventType(v.outcome()), facts.mac() == null ? null : facts.mac().compact(), user,
                f.result().authType().contractName(), facts.portType().contractName(), facts.nasIp(),
                client.vendor(), facts.ssid(), null, null, null, null, null, null, List.of(), List.of(), v.reason(),
                extra);
    }

    private static String identityOf(CertificateFacts c, String fallback) {
        if (!c.sanUpn().isEmpty()) {
            return c.sanUpn().get(0);
        }
        if (!c.sanEmail().isEmpty()) {
            return c.sanEmail().get(0);
        }
        return c.cn() != null ? c.cn() : fallback;
    }
}
