package io.turnstile.identity;

/**
 * Who asks the identity provider, with the RADIUS context the NAC events carry. Only {@code orgId} and
 * {@code userName} are required.
 *
 * @param userName the name as the user gave it, e.g. {@code alice@example.com}; its realm picks the provider
 * @param authType contract auth type, e.g. {@code eap-ttls}
 */
public record IdpRequest(String orgId, String siteId, String userName, String mac, String nasIp, String nasVendor,
                         String ssid, String authType) {

    public static IdpRequest of(String orgId, String userName) {
        return new IdpRequest(orgId, null, userName, null, null, null, null, null);
    }
}
