package io.turnstile.nas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mist_nac} object of an mxcluster (contract: mxcluster_nac), secrets in clear.
 *
 * @param clientIps by normalized address (IP or CIDR, see {@link IpPrefix})
 */
public record MistNac(boolean enabled, String secret, Integer authServerPort, Integer acctServerPort,
                      Map<String, NacClientIp> clientIps) {

    public static final MistNac NONE = new MistNac(false, null, null, null, Map.of());

    public MistNac {
        clientIps = clientIps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(clientIps));
    }

    @Override
    public String toString() {
        return "MistNac[enabled=" + enabled + ", secret=" + (secret == null ? "null" : "<redacted>")
                + ", authServerPort=" + authServerPort + ", acctServerPort=" + acctServerPort + ", clientIps="
                + clientIps + "]";
    }
}
