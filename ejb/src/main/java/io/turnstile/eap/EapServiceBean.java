package io.turnstile.eap;

import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc3579;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Translates an Access-Request into the engine's terms: joined EAP-Message, State, and which client it came through. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EapServiceBean implements EapService {

    @Inject
    EapEngine engine;

    @Override
    public EapOutcome handle(RadiusRequest request) {
        var packet = request.packet();
        if (!Rfc3579.eapMessagesConsecutive(packet)) {
            // RFC 3579 §3.1: EAP-Message attributes MUST be consecutive; otherwise the packet is malformed.
            return new EapOutcome.Discard("EAP-Message attributes are not consecutive");
        }
        byte[] eap = Rfc3579.joinEapMessage(packet).orElse(new byte[0]);
        byte[] state = packet.first(Rfc2865.STATE).map(a -> a.value()).orElse(null);
        var client = request.client();
        String nasKey = client.orgId() + "/" + client.clusterId() + "/" + client.match();
        String mac = packet.string(Rfc2865.CALLING_STATION_ID).flatMap(io.turnstile.endpoints.MacAddress::parse)
                .map(io.turnstile.endpoints.MacAddress::compact).orElse(null);
        String nasIp = request.source().getAddress().getHostAddress();
        return engine.handle(nasKey, client.orgId(), eap, state, mac, nasIp);
    }
}
