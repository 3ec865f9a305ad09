package io.turnstile.radius;

import io.turnstile.eap.EapOutcome;
import io.turnstile.eap.EapRadius;
import io.turnstile.eap.EapService;
import io.turnstile.events.NacEvent;
import io.turnstile.events.NacEventPublisher;
import io.turnstile.policy.AccessPolicy;
import io.turnstile.policy.AccessRequestFacts;
import io.turnstile.policy.PolicyDecision;
import io.turnstile.policy.PolicyFacts;
import io.turnstile.policy.ReplyRenderer;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusDictionary;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2869;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.annotation.PostConstruct;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authentication path: facts from the request, a policy decision, the vendor's reply attributes, and a NAC event
 * handed to the background writer (never awaited here).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessRequestServiceBean implements AccessRequestService {

    static final String PERMIT = "NAC_CLIENT_PERMIT";
    static final String DENY = "NAC_CLIENT_DENY";

    @Inject
    AccessPolicy policy;

    @Inject
    NacEventPublisher events;

    @Inject
    Clock clock;

    @Inject
    EapService eap;

    @Inject
    SecureRandom random;

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    private Counter accepts;
    private Counter rejects;
    private Histogram latency;

    /** Looked up once, not per request. */
    @PostConstruct
    void registerMetrics() {
        accepts = metrics.counter("radius.access.accepts");
        rejects = metrics.counter("radius.access.rejects");
        latency = metrics.histogram(AccessLatency.METADATA);
    }

    @Override
    public RadiusReply authenticate(RadiusRequest request) {
        var packet = request.packet();
        Optional<AccessRequestFacts> read = AccessRequestFactsReader.read(packet, request.client(),
                request.source().getAddress());
        PolicyDecision decision;
        AccessRequestFacts facts = read.orElse(null);
        EapOutcome.Finished eapEnd = null;
        List<NacEvent> decisionEvents = new ArrayList<>(2);
        if (facts == null) {
            decision = PolicyDecision.deny("neither EAP nor MAC authentication bypass (password logins need EAP-TTLS)");
        } else if (packet.first(Rfc2869.EAP_MESSAGE).isPresent()) {
            // EAP (RFC 3579): continue the conversation, or take its result to policy.
            EapOutcome outcome = eap.handle(request);
            if (outcome instanceof EapOutcome.Challenge challenge) {
                return EapRadius.challenge(challenge);
            }
            if (outcome instanceof EapOutcome.Discard discard) {
                return RadiusReply.discard(discard.reason());
            }
            eapEnd = (EapOutcome.Finished) outcome;
            facts = EapRadius.facts(facts, eapEnd);
            decisionEvents.addAll(EapRadius.certificateEvents(request, facts, eapEnd));
            decision = eapEnd.success() ? policy.decide(facts) : PolicyDecision.deny(eapEnd.reason());
        } else {
            decision = policy.decide(facts);
        }
        RadiusReply reply;
        List<RadiusAttribute> attributes;
        if (decision.allow()) {
            attributes = ReplyRenderer.acceptAttributes(decision, request.client().vendor());
            if (eapEnd != null) {
                attributes = new ArrayList<>(attributes);
                attributes.addAll(EapRadius.acceptAttributes(eapEnd, request, random));
            }
            reply = RadiusReply.of(Rfc2865.ACCESS_ACCEPT, attributes);
            accepts.inc();
        } else {
            attributes = eapEnd != null ? EapRadius.rejectAttributes(eapEnd) : eapFailure(packet);
            reply = RadiusReply.of(Rfc2865.ACCESS_REJECT, attributes);
            rejects.inc();
        }
        decisionEvents.add(event(request, facts, decision, attributes));
        // one batch and one wait for the decision's events (certificate validation, then permit or deny)
        events.publish(decisionEvents);
        latency.update(AccessLatency.micros(request.receivedAt(), clock.instant()));
        return reply;
    }

    /**
     * RFC 3579 §2.6.3: an Access-Reject answering an EAP conversation carries EAP-Failure (code 4) with the
     * identifier of the EAP-Response it answers.
     */
    private static List<RadiusAttribute> eapFailure(io.turnstile.radius.codec.RadiusPacket packet) {
        return packet.first(Rfc2869.EAP_MESSAGE).filter(a -> a.value().length >= 2)
                .map(a -> List.of(RadiusAttribute.ofBytes(Rfc2869.EAP_MESSAGE, new byte[]{4, a.value()[1], 0, 4})))
                .orElse(List.of());
    }

    private NacEvent event(RadiusRequest request, AccessRequestFacts facts, PolicyDecision decision,
                           List<RadiusAttribute> attributes) {
        var packet = request.packet();
        RadiusDictionary dictionary = RadiusDictionary.standard();
        Map<String, Object> extra = new HashMap<>();
        extra.put("nas_identifier", packet.string(Rfc2865.NAS_IDENTIFIER).orElse(null));
        extra.put("transport", request.transport().name().toLowerCase());
        PolicyFacts.record(facts, decision, extra);
        extra.values().removeIf(java.util.Objects::isNull);
        String mac = facts != null && facts.mac() != null ? facts.mac().compact() : null;
        return new NacEvent(UUID.randomUUID().toString(), request.client().orgId(), request.client().siteId(),
                request.receivedAt(), decision.allow() ? PERMIT : DENY, mac,
                decision.userName() != null ? decision.userName()
                        : facts != null && facts.innerIdentity() != null ? facts.innerIdentity()
                        : packet.string(Rfc2865.USER_NAME).orElse(null),
                facts == null ? null : facts.authType().contractName(),
                facts == null ? null : facts.portType().contractName(),
                facts == null ? request.source().getAddress().getHostAddress() : facts.nasIp(),
                request.client().vendor(), facts == null ? null : facts.ssid(), decision.vlan(),
                decision.vlanSource(), decision.role(), decision.nacruleId(), decision.nacruleName(),
                decision.nacruleMatched(), decision.labels(),
                attributes.stream().map(dictionary::format).toList(), decision.reason(), extra);
    }
}
