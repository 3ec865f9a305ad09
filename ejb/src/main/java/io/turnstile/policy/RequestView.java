package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.nas.IpPrefix;

import java.util.List;
import java.util.Locale;

/**
 * The facts of one request as label matching needs them, normalized at most once per request: a thousand rules may
 * test the same fact a thousand times, so lower-casing or parsing it per test would dominate the decision. Belongs to
 * one evaluation on one thread; never shared.
 */
final class RequestView {

    private static final int KINDS = TagMatch.values().length;
    private static final Object ABSENT = new Object();

    final AccessRequestFacts facts;
    final Endpoint endpoint;
    /** Per {@link TagMatch} ordinal: null (not computed yet), ABSENT, a String or a String[]. */
    private final Object[] normalized = new Object[KINDS];
    private IpPrefix nasIp;
    private boolean nasIpParsed;

    RequestView(AccessRequestFacts facts, Endpoint endpoint) {
        this.facts = facts;
        this.endpoint = endpoint;
    }

    /** The lower-case value of a single-valued fact, or null when the request has none. */
    String single(TagMatch match) {
        Object o = normalized[match.ordinal()];
        if (o == null) {
            String v = raw(match);
            o = v == null ? ABSENT : v.toLowerCase(Locale.ROOT);
            normalized[match.ordinal()] = o;
        }
        return o == ABSENT ? null : (String) o;
    }

    /** The lower-case values of a multi-valued fact (empty when none). */
    String[] multi(TagMatch match) {
        Object o = normalized[match.ordinal()];
        if (o == null) {
            o = lower(rawList(match));
            normalized[match.ordinal()] = o;
        }
        return (String[]) o;
    }

    IpPrefix nasIp() {
        if (!nasIpParsed) {
            nasIpParsed = true;
            try {
                nasIp = facts.nasIp() == null ? null : IpPrefix.parse(facts.nasIp());
            } catch (IllegalArgumentException e) {
                nasIp = null;
            }
        }
        return nasIp;
    }

    private String raw(TagMatch match) {
        CertificateFacts c = facts.certificate();
        return switch (match) {
            case CERT_CN -> c == null ? null : c.cn();
            case CERT_ISSUER -> c == null ? null : c.issuer();
            case CERT_SUB -> c == null ? null : c.subject();
            case CERT_TEMPLATE -> c == null ? null : c.template();
            case CERT_SERIAL -> c == null || c.serial() == null ? null : ValueMatcher.serial(c.serial());
            case CLIENT_MAC -> facts.mac() == null ? null : facts.mac().compact();
            case HOSTNAME -> facts.hostname();
            case INGRESS_VLAN -> facts.ingressVlan() == null ? null : Integer.toString(facts.ingressVlan());
            case MDM_STATUS -> facts.mdmStatus();
            case RADIUS_GROUP -> endpoint == null ? null : endpoint.radiusGroup();
            case REALM -> facts.realm();
            case SSID -> facts.ssid();
            default -> throw new IllegalArgumentException(match + " is multi-valued");
        };
    }

    private List<String> rawList(TagMatch match) {
        CertificateFacts c = facts.certificate();
        return switch (match) {
            case CERT_EKU -> c == null ? List.of() : c.ekus();
            case CERT_SAN -> c == null ? List.of() : c.allSans();
            case IDP_ROLE -> facts.idpGroups();
            case USERMAC_LABEL -> endpoint == null ? List.of() : endpoint.labels();
            // the identity that authenticated and the RADIUS User-Name (they differ for tunnelled methods)
            case USER_NAME -> facts.innerIdentity() == null
                    ? (facts.userName() == null ? List.of() : List.of(facts.userName()))
                    : facts.userName() == null ? List.of(facts.innerIdentity())
                    : List.of(facts.innerIdentity(), facts.userName());
            default -> throw new IllegalArgumentException(match + " is single-valued");
        };
    }

    private static String[] lower(List<String> values) {
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            String v = values.get(i);
            out[i] = v == null ? "" : v.toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
