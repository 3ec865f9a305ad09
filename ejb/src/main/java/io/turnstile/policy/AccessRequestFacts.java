package io.turnstile.policy;

import io.turnstile.endpoints.MacAddress;

/**
 * What is known about an access request when policy decides. Filled by the authentication method (MAB now, EAP
 * methods later) and by lookups; the policy never looks at RADIUS packets.
 *
 * @param mac         the client MAC from Calling-Station-Id (or User-Name for MAB), may be null
 * @param ssid        from Called-Station-Id ({@code AA-BB-CC-DD-EE-FF:SSID}), may be null
 */
public record AccessRequestFacts(String orgId, String siteId, AuthType authType, String userName, MacAddress mac,
                                 String nasIp, String nasIdentifier, String nasVendor, PortType portType,
                                 String ssid, String calledStationId) {
}
