package io.turnstile.pki;

import io.turnstile.platform.InvalidRequestException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Turnstile extension {@code setting.mist_nac.ocsp}: whether client certificates that carry an OCSP responder URL
 * (Authority Information Access, RFC 5280 §4.2.2.1) are checked online (RFC 6960), how long the responder may take,
 * and whether an unanswered check lets the client in ({@code fail_open}) or not.
 * <pre>
 * "mist_nac": {"ocsp": {"enabled": true, "timeout_ms": 3000, "fail_open": true}}
 * </pre>
 * Defaults: enabled, 3 s, fail-open (a responder outage must not lock out a whole site unless the org asks for it).
 */
public record OcspSettings(boolean enabled, Duration timeout, boolean failOpen) {

    public static final String FIELD = "ocsp";
    public static final OcspSettings DEFAULTS = new OcspSettings(true, Duration.ofMillis(3000), true);
    public static final OcspSettings DISABLED = new OcspSettings(false, Duration.ofMillis(3000), true);
    static final int MIN_TIMEOUT_MS = 100;
    static final int MAX_TIMEOUT_MS = 30_000;
    private static final Set<String> KNOWN = Set.of("enabled", "timeout_ms", "fail_open");

    /** The settings of an org setting document; {@link #DEFAULTS} where not given. */
    public static OcspSettings of(Map<String, Object> document) {
        if (document == null || !(document.get(ServerCertificateSetting.MIST_NAC) instanceof Map<?, ?> nac)
                || nac.get(FIELD) == null) {
            return DEFAULTS;
        }
        if (!(nac.get(FIELD) instanceof Map<?, ?> o)) {
            throw new InvalidRequestException("mist_nac.ocsp must be an object {enabled, timeout_ms, fail_open}");
        }
        for (Object k : o.keySet()) {
            if (!KNOWN.contains(String.valueOf(k))) {
                throw new InvalidRequestException("mist_nac.ocsp." + k
                        + " is not a known field (known: enabled, timeout_ms, fail_open)");
            }
        }
        boolean enabled = flag(o.get("enabled"), "enabled", DEFAULTS.enabled());
        boolean failOpen = flag(o.get("fail_open"), "fail_open", DEFAULTS.failOpen());
        long timeout = DEFAULTS.timeout().toMillis();
        Object t = o.get("timeout_ms");
        if (t != null) {
            if (!(t instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.longValue() < MIN_TIMEOUT_MS || n.longValue() > MAX_TIMEOUT_MS) {
                throw new InvalidRequestException("mist_nac.ocsp.timeout_ms must be an integer from " + MIN_TIMEOUT_MS
                        + " to " + MAX_TIMEOUT_MS);
            }
            timeout = n.longValue();
        }
        return new OcspSettings(enabled, Duration.ofMillis(timeout), failOpen);
    }

    private static boolean flag(Object value, String field, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new InvalidRequestException("mist_nac.ocsp." + field + " must be true or false");
        }
        return b;
    }
}
