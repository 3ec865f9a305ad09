package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.nas.IpPrefix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled {@code match} label: its values against one fact of the request. Built once per policy version, read by
 * every request, so it is immutable and the request path allocates nothing for string facts: exact values sit in a
 * hash set (lower case, compared case-insensitively), values with {@code *} are glob patterns matched in place.
 * <ul>
 *   <li>{@code client_mac}: a full MAC in any notation, an OUI (6 hex digits) or a prefix ending in {@code *}
 *       ({@code 11-22-AA*}); separators are ignored;</li>
 *   <li>{@code nas_ip}: an address or a CIDR prefix;</li>
 *   <li>{@code ingress_vlan}: VLAN ids 1..4094;</li>
 *   <li>{@code ssid}: a value may list several SSIDs separated by commas;</li>
 *   <li>{@code cert_serial}: hex, separators and leading zeros ignored;</li>
 *   <li>{@code mdm_status}: compliant, non_compliant or unknown;</li>
 *   <li>everything else: case-insensitive text, {@code *} matches any run of characters.</li>
 * </ul>
 * Multi-valued facts (cert_san, cert_eku, idp_role, usermac_label) match when any of their values does. With
 * {@code match_all} every label value must match (some value of) the fact; otherwise any one label value suffices.
 */
public final class ValueMatcher {

    private static final Set<String> MDM = Set.of("compliant", "non_compliant", "unknown");

    private final TagMatch match;
    private final boolean matchAll;
    /** Lower-case values without wildcards. */
    private final Set<String> exact;
    /** Lower-case glob patterns. */
    private final String[] globs;
    /** Every value in normalized form, for match_all. */
    private final String[] all;
    private final IpPrefix[] prefixes;

    private ValueMatcher(TagMatch match, boolean matchAll, Set<String> exact, String[] globs, String[] all,
                         IpPrefix[] prefixes) {
        this.match = match;
        this.matchAll = matchAll;
        this.exact = exact;
        this.globs = globs;
        this.all = all;
        this.prefixes = prefixes;
    }

    public TagMatch match() {
        return match;
    }

    /**
     * Index keys for {@link RuleIndex}: when this label can only match a request whose (lower-case) fact equals one
     * of these keys, the keys; otherwise null (wildcards, match_all, address prefixes).
     */
    List<String> indexKeys() {
        if (matchAll || match == TagMatch.NAS_IP || match == TagMatch.EDR_HEALTH) {
            return null;
        }
        return RuleIndex.keysOf(exact, globs, match);
    }

    static String ouiKey(String macOrOui) {
        return "oui:" + macOrOui.substring(0, 6);
    }

    /** Why a value cannot be used for this match, or null if it can. */
    public static String problem(TagMatch match, String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return "empty value";
        }
        switch (match) {
            case CLIENT_MAC -> {
                String hex = macDigits(v);
                boolean prefix = hex.endsWith("*");
                String digits = prefix ? hex.substring(0, hex.length() - 1) : hex;
                if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(ValueMatcher::isHex)
                        || (!prefix && digits.length() != 12 && digits.length() != 6)) {
                    return "'" + value + "' is not a MAC address, an OUI (6 hex digits) or a prefix ending in *";
                }
            }
            case NAS_IP -> {
                try {
                    IpPrefix.parse(v);
                } catch (IllegalArgumentException e) {
                    return "'" + value + "' is not an IP address or CIDR prefix: " + e.getMessage();
                }
            }
            case INGRESS_VLAN -> {
                if (v.length() > 4 || !v.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(v) < 1
                        || Integer.parseInt(v) > 4094) {
                    return "'" + value + "' is not a VLAN id 1..4094";
                }
            }
            case MDM_STATUS -> {
                if (!MDM.contains(v)) {
                    return "'" + value + "' is not one of compliant, non_compliant, unknown";
                }
            }
            case CERT_SERIAL -> {
                String hex = serial(v);
                if (!hex.replace("*", "").chars().allMatch(ValueMatcher::isHex)) {
                    return "'" + value + "' is not a hexadecimal serial number";
                }
            }
            default -> {
                if (v.length() > 1024) {
                    return "value longer than 1024 characters";
                }
            }
        }
        return null;
    }

    /** Compiles validated values. */
    public static ValueMatcher compile(TagMatch match, List<String> values, boolean matchAll) {
        List<String> normalized = new ArrayList<>();
        for (String value : values) {
            String v = value.trim();
            switch (match) {
                case CLIENT_MAC -> {
                    String hex = macDigits(v);
                    // an OUI is a prefix of six hex digits
                    normalized.add(hex.length() == 6 ? hex + "*" : hex);
                }
                case SSID -> {
                    for (String s : v.split(",")) {
                        if (!s.isBlank()) {
                            normalized.add(s.trim().toLowerCase(Locale.ROOT));
                        }
                    }
                }
                case CERT_SERIAL -> normalized.add(serial(v));
                case INGRESS_VLAN -> normalized.add(Integer.toString(Integer.parseInt(v)));
                default -> normalized.add(v.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> exact = new HashSet<>();
        List<String> globs = new ArrayList<>();
        List<IpPrefix> prefixes = new ArrayList<>();
        for (String v : normalized) {
            if (match == TagMatch.NAS_IP) {
                prefixes.add(IpPrefix.parse(v));
            } else if (v.indexOf('*') >= 0) {
                globs.add(v);
            } else {
                exact.add(v);
            }
        }
        return new ValueMatcher(match, matchAll, Set.copyOf(exact), globs.toArray(String[]::new),
                normalized.toArray(String[]::new), prefixes.toArray(IpPrefix[]::new));
    }

    /** Whether the request's facts (and its endpoint, for usermac labels and radius group) match this label. */
    public boolean matches(AccessRequestFacts f, Endpoint endpoint) {
        return matches(new RequestView(f, endpoint));
    }

    boolean matches(RequestView v) {
        return switch (match) {
            case CERT_EKU, CERT_SAN, IDP_ROLE, USERMAC_LABEL, USER_NAME -> multi(v.multi(match));
            case NAS_IP -> nasIp(v.nasIp());
            case EDR_HEALTH -> false;
            default -> single(v.single(match));
        };
    }

    /** The fact this label looked at, as text for explanations. */
    public static String fact(TagMatch match, AccessRequestFacts f, Endpoint endpoint) {
        CertificateFacts c = f.certificate();
        Object v = switch (match) {
            case CERT_CN -> c == null ? null : c.cn();
            case CERT_ISSUER -> c == null ? null : c.issuer();
            case CERT_SUB -> c == null ? null : c.subject();
            case CERT_TEMPLATE -> c == null ? null : c.template();
            case CERT_SERIAL -> c == null ? null : c.serial();
            case CERT_EKU -> c == null ? null : c.ekus();
            case CERT_SAN -> c == null ? null : c.allSans();
            case CLIENT_MAC -> f.mac() == null ? null : f.mac().compact();
            case HOSTNAME -> f.hostname();
            case IDP_ROLE -> f.idpGroups();
            case INGRESS_VLAN -> f.ingressVlan();
            case MDM_STATUS -> f.mdmStatus();
            case NAS_IP -> f.nasIp();
            case RADIUS_GROUP -> endpoint == null ? null : endpoint.radiusGroup();
            case REALM -> f.realm();
            case SSID -> f.ssid();
            case USER_NAME -> f.innerIdentity() == null ? f.userName() : f.innerIdentity();
            case USERMAC_LABEL -> endpoint == null ? null : endpoint.labels();
            case EDR_HEALTH -> null;
        };
        return v == null ? "none" : v.toString();
    }

    /** {@code fact} is lower case (or null). */
    private boolean single(String fact) {
        if (fact == null) {
            return false;
        }
        if (matchAll) {
            for (String v : all) {
                if (!valueMatches(v, fact)) {
                    return false;
                }
            }
            return true;
        }
        return any(fact);
    }

    /** {@code facts} are lower case. */
    private boolean multi(String[] facts) {
        if (matchAll) {
            for (String v : all) {
                boolean found = false;
                for (String fact : facts) {
                    if (valueMatches(v, fact)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        for (String fact : facts) {
            if (any(fact)) {
                return true;
            }
        }
        return false;
    }

    private boolean any(String fact) {
        if (!exact.isEmpty() && exact.contains(fact)) {
            return true;
        }
        for (String g : globs) {
            if (glob(g, 0, fact, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueMatches(String value, String fact) {
        return value.indexOf('*') >= 0 ? glob(value, 0, fact, 0) : value.equals(fact);
    }

    private boolean nasIp(IpPrefix host) {
        if (host == null) {
            return false;
        }
        for (IpPrefix p : prefixes) {
            if (p.contains(host)) {
                if (!matchAll) {
                    return true;
                }
            } else if (matchAll) {
                return false;
            }
        }
        return matchAll && prefixes.length > 0;
    }

    /** Case-insensitive glob: {@code *} matches any run of characters (also none); the pattern is lower case. */
    static boolean glob(String pattern, int p, String text, int t) {
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && sameIgnoringCase(pattern.charAt(p), text.charAt(t))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean sameIgnoringCase(char lowerPattern, char c) {
        return lowerPattern == c || lowerPattern == Character.toLowerCase(c);
    }

    private static String macDigits(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != ':' && c != '-' && c != '.' && c != ' ') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    static String serial(String v) {
        String hex = macDigits(v);
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        int i = 0;
        while (i < hex.length() - 1 && hex.charAt(i) == '0') {
            i++;
        }
        return hex.substring(i);
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
}
