package io.turnstile.policy;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.Rfc2865;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How each NAS vendor wants to be told the role. The one table of vendor differences for replies; VLANs use the
 * RFC 2868 tunnel attributes, which every vendor here understands.
 */
public final class VendorReplyProfile {

    private static final int VENDOR_ARUBA = 14823;
    private static final int ARUBA_USER_ROLE = 1;

    private static final Function<String, RadiusAttribute> FILTER_ID = r -> RadiusAttribute.ofString(Rfc2865.FILTER_ID, r);
    private static final Function<String, RadiusAttribute> ARUBA_ROLE = r -> RadiusAttribute.vendorSpecific(VENDOR_ARUBA,
            ARUBA_USER_ROLE, r.getBytes(StandardCharsets.UTF_8));

    /**
     * Vendor (contract's {@code mxcluster_nac_client_vendor} plus Turnstile's hpe/arista) → role attributes.
     * Filter-Id (RFC 2865 §5.11) is the portable form; Aruba (and HPE Aruba CX) take Aruba-User-Role.
     */
    private static final Map<String, List<Function<String, RadiusAttribute>>> ROLE_ATTRIBUTES = Map.of(
            "aruba", List.of(ARUBA_ROLE),
            "hpe", List.of(ARUBA_ROLE, FILTER_ID),
            "generic", List.of(FILTER_ID));

    private VendorReplyProfile() {
    }

    public static List<RadiusAttribute> roleAttributes(String vendor, String role) {
        return ROLE_ATTRIBUTES.getOrDefault(vendor == null ? "generic" : vendor, List.of(FILTER_ID)).stream()
                .map(f -> f.apply(role)).toList();
    }
}
