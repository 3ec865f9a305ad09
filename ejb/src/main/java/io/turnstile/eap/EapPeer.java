package io.turnstile.eap;

/**
 * Who a conversation is with, as far as the method needs to know.
 *
 * @param orgId    organisation of the NAS (its PKI and trusted CAs apply)
 * @param identity the EAP-Response/Identity the peer gave (RFC 3748 §5.1); may be anonymous, never trusted for policy
 * @param mac      the peer's MAC from Calling-Station-Id (for the identity provider's NAC events), or null
 * @param nasIp    the NAS address, or null
 */
public record EapPeer(String orgId, String identity, String mac, String nasIp) {

    public EapPeer(String orgId, String identity) {
        this(orgId, identity, null, null);
    }
}
