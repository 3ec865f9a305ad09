package io.turnstile.eap.ttls;

import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MalformedEapException;
import io.turnstile.eap.tls.TunnelInner;
import io.turnstile.identity.IdentityProviders;
import io.turnstile.identity.IdpOutcome;
import io.turnstile.identity.IdpRequest;
import io.turnstile.identity.IdpResult;
import io.turnstile.policy.AuthType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * EAP-TTLS Phase 2 with PAP (RFC 5281 §11.2.5): User-Name and User-Password AVPs, checked against the identity
 * provider of the user's realm through {@link IdentityProviders} (timeout and bulkhead there, and the NAC IDP events).
 * The password lives only in this call: it is neither kept nor logged.
 */
final class TtlsPap implements TunnelInner {

    private final IdentityProviders idps;
    private final EapPeer peer;

    TtlsPap(IdentityProviders idps, EapPeer peer) {
        this.idps = idps;
        this.peer = peer;
    }

    @Override
    public Step receive(byte[] plaintext) {
        List<TtlsAvp> avps;
        try {
            avps = TtlsAvp.parseAll(plaintext);
        } catch (MalformedEapException e) {
            return new Done(false, "malformed Phase 2 AVPs: " + e.getMessage(), null, null);
        }
        byte[] name = null;
        byte[] password = null;
        for (TtlsAvp avp : avps) {
            if (avp.vendorId() == 0 && avp.code() == TtlsAvp.USER_NAME) {
                name = avp.data();
            } else if (avp.vendorId() == 0 && avp.code() == TtlsAvp.USER_PASSWORD) {
                password = avp.data();
            } else if (avp.vendorId() == 0 && avp.code() == TtlsAvp.EAP_MESSAGE) {
                return new Done(false, "EAP inside EAP-TTLS is not offered (Phase 2 is PAP)", null, null);
            } else if (avp.mandatory()) {
                // RFC 5281 §10.1: an unsupported AVP with the M bit fails the negotiation.
                return new Done(false, "unsupported mandatory AVP " + avp.code() + " (vendor " + avp.vendorId() + ")",
                        null, null);
            }
        }
        if (name == null || password == null) {
            return new Done(false, "Phase 2 without User-Name and User-Password (only PAP is offered)", null, null);
        }
        String user = new String(name, StandardCharsets.UTF_8);
        // RFC 5281 §11.2.5: the password may be padded with NULs to a multiple of 16 octets.
        int end = password.length;
        while (end > 0 && password[end - 1] == 0) {
            end--;
        }
        String secret = new String(password, 0, end, StandardCharsets.UTF_8);
        Arrays.fill(password, (byte) 0);
        if (user.isEmpty()) {
            return new Done(false, "empty inner User-Name", null, null);
        }
        IdpOutcome outcome = idps.authenticate(new IdpRequest(peer.orgId(), null, user, peer.mac(), peer.nasIp(),
                null, null, AuthType.EAP_TTLS.contractName()), secret);
        IdpResult result = outcome.result();
        if (result instanceof IdpResult.Authenticated a) {
            return new Done(true, "authenticated by " + outcome.idpId(), user, a.groups());
        }
        String reason = result.reason() == null ? result.outcome() : result.outcome() + ": " + result.reason();
        return new Done(false, "identity provider: " + reason, user, null);
    }
}
