package io.turnstile.nas;

import io.turnstile.platform.InvalidRequestException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an mxcluster body (contract: mxcluster) and merges it into the stored cluster.
 *
 * <p>Merge (PUT): each top-level field the body carries replaces the stored one ({@code mist_nac} as a whole), a field
 * given as {@code null} is removed, fields not given stay. Read-only fields ({@link #READ_ONLY}) are ignored. Fields
 * other than {@code name}, {@code site_id} and {@code mist_nac} are kept as given (opaque).
 *
 * <p>{@code mist_nac} rules:
 * <ul>
 *   <li>known fields only: enabled, secret, auth_server_port, acct_server_port, client_ips (a typo in security
 *       configuration must not pass silently);</li>
 *   <li>client_ips keys are IPv4/IPv6 addresses or CIDRs, normalized ({@link IpPrefix}); host bits set, or two keys
 *       that normalize to the same prefix, are refused;</li>
 *   <li>vendor is one of the contract's mxcluster_nac_client_vendor values, or, as a Turnstile extension,
 *       {@code hpe} or {@code arista};</li>
 *   <li>every client has a secret, its own or the cluster's; a secret is 1-128 printable ASCII characters;</li>
 *   <li>{@code require_message_authenticator} absent means TRUE. This deliberately differs from the contract's default
 *       (false): BlastRADIUS (CVE-2024-3596) lets an on-path attacker forge an Access-Accept for a request without
 *       Message-Authenticator (RFC 3579 §3.2), so Turnstile drops such requests unless the operator opts out per
 *       client (e.g. for gear that cannot send the attribute).</li>
 * </ul>
 * A given address in two clusters of one org is refused by the service (it needs the database).
 */
public final class MxClusterValidator {

    /** The contract's mxcluster_nac_client_vendor enum, plus the Turnstile extensions hpe and arista. */
    public static final Set<String> VENDORS = Set.of("aruba", "cisco-aironet", "cisco-dnac", "cisco-ios",
            "cisco-meraki", "brocade", "generic", "juniper", "paloalto", "hpe", "arista");

    public static final Set<String> READ_ONLY = Set.of("id", "org_id", "created_time", "modified_time", "for_site");

    static final Set<String> NAC_FIELDS = Set.of("enabled", "secret", "auth_server_port", "acct_server_port",
            "client_ips");

    static final Set<String> CLIENT_FIELDS = Set.of("secret", "vendor", "site_id", "require_message_authenticator");

    static final int MAX_SECRET = 128;
    static final int MAX_NAME = 255;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private MxClusterValidator() {
    }

    /**
     * @param body     the request body (a JSON object)
     * @param existing the stored cluster for an update, null for a create
     */
    public static MxClusterDraft validate(Map<String, Object> body, MxCluster existing) {
        String name = existing == null ? null : existing.name();
        String siteId = existing == null ? null : existing.siteId();
        MistNac nac = existing == null ? MistNac.NONE : existing.mistNac();
        Map<String, Object> extra = new LinkedHashMap<>(existing == null ? Map.of() : existing.extra());
        // A secret sent back as the mask a GET answered keeps the stored one.
        body = MxCluster.EXTRA_SECRETS.keepMasked(body, extra);
        body = MxCluster.NAC_SECRETS.keepMasked(body, Map.of("mist_nac", nacSecrets(nac)));
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (READ_ONLY.contains(key)) {
                continue;
            }
            switch (key) {
                case "name" -> name = optionalString(value, "name", MAX_NAME);
                case "site_id" -> siteId = uuid(value, "site_id");
                case "mist_nac" -> nac = value == null ? MistNac.NONE : mistNac(value);
                default -> {
                    if (value == null) {
                        extra.remove(key);
                    } else {
                        extra.put(key, value);
                    }
                }
            }
        }
        return new MxClusterDraft(name, siteId, nac, extra);
    }

    /** The stored secrets of {@code mist_nac} in the shape of a request body, client addresses normalized. */
    private static Map<String, Object> nacSecrets(MistNac nac) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (nac.secret() != null) {
            m.put("secret", nac.secret());
        }
        Map<String, Object> ips = new LinkedHashMap<>();
        nac.clientIps().forEach((address, c) -> {
            Map<String, Object> client = new LinkedHashMap<>();
            if (c.secret() != null) {
                client.put("secret", c.secret());
            }
            ips.put(address, client);
        });
        m.put("client_ips", ips);
        return m;
    }

    static MistNac mistNac(Object value) {
        Map<String, Object> m = object(value, "mist_nac");
        unknownFields(m, NAC_FIELDS, "mist_nac");
        boolean enabled = bool(m.get("enabled"), "mist_nac.enabled", false);
        String secret = secret(m.get("secret"), "mist_nac.secret");
        Integer authPort = port(m.get("auth_server_port"), "mist_nac.auth_server_port");
        Integer acctPort = port(m.get("acct_server_port"), "mist_nac.acct_server_port");
        Map<String, NacClientIp> clients = new LinkedHashMap<>();
        Object ips = m.get("client_ips");
        if (ips != null) {
            for (Map.Entry<String, Object> e : object(ips, "mist_nac.client_ips").entrySet()) {
                String where = "mist_nac.client_ips[\"" + e.getKey() + "\"]";
                String address;
                try {
                    address = IpPrefix.parse(e.getKey()).toString();
                } catch (IllegalArgumentException ex) {
                    throw new InvalidRequestException("mist_nac.client_ips: " + ex.getMessage());
                }
                NacClientIp client = client(e.getValue(), where);
                if (client.secret() == null && secret == null) {
                    throw new InvalidRequestException(where + ": no secret (set mist_nac.secret or a secret for"
                            + " this client)");
                }
                if (clients.put(address, client) != null) {
                    throw new InvalidRequestException("mist_nac.client_ips: " + address + " is given twice");
                }
            }
        }
        return new MistNac(enabled, secret, authPort, acctPort, clients);
    }

    private static NacClientIp client(Object value, String where) {
        Map<String, Object> c = value == null ? Map.of() : object(value, where);
        unknownFields(c, CLIENT_FIELDS, where);
        String vendor = optionalString(c.get("vendor"), where + ".vendor", 32);
        if (vendor != null && !VENDORS.contains(vendor)) {
            throw new InvalidRequestException(where + ".vendor '" + vendor + "' is not one of "
                    + new java.util.TreeSet<>(VENDORS));
        }
        Object rma = c.get("require_message_authenticator");
        return new NacClientIp(secret(c.get("secret"), where + ".secret"), vendor, uuid(c.get("site_id"),
                where + ".site_id"), rma == null ? null : bool(rma, where + ".require_message_authenticator", true));
    }

    /** 1-128 printable ASCII characters (RFC 2865 §3 asks for a secret of at least 16 octets; not enforced). */
    static String secret(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidRequestException(where + " must be a string");
        }
        if (s.isEmpty() || s.length() > MAX_SECRET) {
            throw new InvalidRequestException(where + " must be 1 to " + MAX_SECRET + " characters long");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch > 0x7e) {
                throw new InvalidRequestException(where + " must consist of printable ASCII characters");
            }
        }
        return s;
    }

    static Integer port(Object value, String where) {
        if (value == null) {
            return null;
        }
        Long n = integer(value);
        if (n == null || n < 1 || n > 65535) {
            throw new InvalidRequestException(where + " must be a port number (1-65535)");
        }
        return n.intValue();
    }

    private static Long integer(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean bool(Object value, String where, boolean absent) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean b)) {
            throw new InvalidRequestException(where + " must be true or false");
        }
        return b;
    }

    private static String optionalString(Object value, String where, int max) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidRequestException(where + " must be a string");
        }
        if (s.length() > max) {
            throw new InvalidRequestException(where + " must be at most " + max + " characters long");
        }
        return s;
    }

    static String uuid(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !UUID.matcher(s).matches()) {
            throw new InvalidRequestException(where + " must be a UUID");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new InvalidRequestException(where + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static void unknownFields(Map<String, Object> m, Set<String> known, String where) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new InvalidRequestException(where + "." + k + " is not a known field (known: "
                        + new java.util.TreeSet<>(known) + ")");
            }
        }
    }
}
