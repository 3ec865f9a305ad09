package io.turnstile.policy;

import io.turnstile.endpoints.MacAddress;

import java.util.List;

/**
 * What is known about an access request when policy decides. Filled by the authentication method (MAB, EAP methods)
 * and by lookups (identity provider groups, MDM status); the policy never looks at RADIUS packets.
 *
 * @param mac             the client MAC from Calling-Station-Id (or User-Name for MAB), may be null
 * @param ssid            from Called-Station-Id ({@code AA-BB-CC-DD-EE-FF:SSID}), may be null
 * @param realm           realm of the identity that authenticated ({@code corp.example} from {@code jo@corp.example}
 *                        or from the certificate CN), or null
 * @param ingressVlan     the VLAN the request arrived on where the NAS says (wired), or null
 * @param certificate     the validated client certificate (EAP-TLS and tunnelled EAP-TLS), or null
 * @param idpGroups       directory groups of the user from the identity provider (TTLS/PAP), never null
 * @param mdmStatus       {@code compliant}, {@code non_compliant} or {@code unknown}; null when no MDM is configured
 * @param hostname        client hostname where known, or null
 * @param innerIdentity   the identity that authenticated inside a tunnel or the certificate identity, or null for MAB
 */
public record AccessRequestFacts(String orgId, String siteId, AuthType authType, String userName, MacAddress mac,
                                 String nasIp, String nasIdentifier, String nasVendor, PortType portType,
                                 String ssid, String calledStationId, String realm, Integer ingressVlan,
                                 CertificateFacts certificate, List<String> idpGroups, String mdmStatus,
                                 String hostname, String innerIdentity) {

    public AccessRequestFacts {
        idpGroups = idpGroups == null ? List.of() : List.copyOf(idpGroups);
    }

    /** The facts of a request before any authentication method added to them. */
    public AccessRequestFacts(String orgId, String siteId, AuthType authType, String userName, MacAddress mac,
                              String nasIp, String nasIdentifier, String nasVendor, PortType portType, String ssid,
                              String calledStationId) {
        this(orgId, siteId, authType, userName, mac, nasIp, nasIdentifier, nasVendor, portType, ssid, calledStationId,
                null, null, null, List.of(), null, null, null);
    }

    public AccessRequestFacts withAuthType(AuthType type) {
        return new AccessRequestFacts(orgId, siteId, type, userName, mac, nasIp, nasIdentifier, nasVendor, portType,
                ssid, calledStationId, realm, ingressVlan, certificate, idpGroups, mdmStatus, hostname, innerIdentity);
    }

    public AccessRequestFacts withCertificate(CertificateFacts cert) {
        return new AccessRequestFacts(orgId, siteId, authType, userName, mac, nasIp, nasIdentifier, nasVendor, portType,
                ssid, calledStationId, realm, ingressVlan, cert, idpGroups, mdmStatus, hostname, innerIdentity);
    }

    /** The identity that authenticated (inner user name or certificate identity), its realm and directory groups. */
    public AccessRequestFacts withIdentity(String identity, String identityRealm, List<String> groups) {
        return new AccessRequestFacts(orgId, siteId, authType, userName, mac, nasIp, nasIdentifier, nasVendor, portType,
                ssid, calledStationId, identityRealm, ingressVlan, certificate, groups, mdmStatus, hostname, identity);
    }

    public AccessRequestFacts withMdmStatus(String status) {
        return new AccessRequestFacts(orgId, siteId, authType, userName, mac, nasIp, nasIdentifier, nasVendor, portType,
                ssid, calledStationId, realm, ingressVlan, certificate, idpGroups, status, hostname, innerIdentity);
    }

    /** The client's host name, e.g. from the machine certificate of a TEAP chain. */
    public AccessRequestFacts withHostname(String name) {
        return new AccessRequestFacts(orgId, siteId, authType, userName, mac, nasIp, nasIdentifier, nasVendor, portType,
                ssid, calledStationId, realm, ingressVlan, certificate, idpGroups, mdmStatus, name, innerIdentity);
    }

    public AccessRequestFacts withIngressVlan(Integer vlan) {
        return new AccessRequestFacts(orgId, siteId, authType, userName, mac, nasIp, nasIdentifier, nasVendor, portType,
                ssid, calledStationId, realm, vlan, certificate, idpGroups, mdmStatus, hostname, innerIdentity);
    }
}
