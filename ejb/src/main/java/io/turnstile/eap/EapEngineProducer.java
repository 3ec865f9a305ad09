package io.turnstile.eap;

import io.turnstile.eap.peap.CryptoBindingPolicy;
import io.turnstile.eap.peap.EapPeapMethod;
import io.turnstile.eap.teap.EapTeapMethod;
import io.turnstile.eap.teap.TeapIdentityPolicy;
import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.eap.ttls.EapTtlsMethod;
import io.turnstile.identity.IdentityProviders;
import io.turnstile.pki.EapServerTrust;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The node's one {@link EapEngine} (it holds the conversations, so there is exactly one), configured from
 * MicroProfile Config:
 * <ul>
 *   <li>{@code turnstile.eap.idle-timeout-seconds} (60): a conversation not continued within it is dropped</li>
 *   <li>{@code turnstile.eap.max-conversations-per-nas} (2000) and {@code turnstile.eap.max-conversations} (20000)</li>
 *   <li>{@code turnstile.eap.tls.min-version} ("1.2" or "1.3"), {@code turnstile.eap.tls.max-version} ("1.3") and
 *       {@code turnstile.eap.tls.fragment-size} (1300), for EAP-TLS, EAP-TTLS and PEAP alike; TEAP stays on TLS 1.2,
 *       so a minimum of 1.3 turns it off</li>
 *   <li>{@code turnstile.eap.peap.crypto-binding} ("optional"; "off", "optional", "required"): see
 *       {@link CryptoBindingPolicy}</li>
 *   <li>{@code turnstile.eap.teap.identity} ("machine-and-user"; "machine-or-user"): see
 *       {@link TeapIdentityPolicy}</li>
 * </ul>
 */
@ApplicationScoped
public class EapEngineProducer {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            EapEngineProducer.class.getName());

    @Inject
    @ConfigProperty(name = "turnstile.eap.idle-timeout-seconds", defaultValue = "60")
    int idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "turnstile.eap.max-conversations-per-nas", defaultValue = "2000")
    int maxPerNas;

    @Inject
    @ConfigProperty(name = "turnstile.eap.max-conversations", defaultValue = "20000")
    int maxTotal;

    @Inject
    @ConfigProperty(name = "turnstile.eap.tls.min-version", defaultValue = "1.2")
    String minimumTlsVersion;

    @Inject
    @ConfigProperty(name = "turnstile.eap.tls.max-version", defaultValue = "1.3")
    String maximumTlsVersion;

    @Inject
    @ConfigProperty(name = "turnstile.eap.tls.fragment-size", defaultValue = "1300")
    int fragmentSize;

    @Inject
    @ConfigProperty(name = "turnstile.eap.peap.crypto-binding", defaultValue = "optional")
    String peapCryptoBinding;

    @Inject
    @ConfigProperty(name = "turnstile.eap.teap.identity", defaultValue = "machine-and-user")
    String teapIdentity;

    @Inject
    EapServerTrust trust;

    @Inject
    IdentityProviders idps;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Produces
    @Singleton
    EapEngine engine() {
        EapTlsSettings tls = new EapTlsSettings(minimumTlsVersion, fragmentSize,
                EapTlsSettings.DEFAULTS.maxMessageLength(), maximumTlsVersion);
        EapServerTrust t = trust;
        CryptoBindingPolicy binding = CryptoBindingPolicy.parse(peapCryptoBinding);
        TeapIdentityPolicy teapIdentities = TeapIdentityPolicy.parse(teapIdentity);
        LOG.info(() -> "EAP: TLS " + tls.minimumTlsVersion() + ".." + tls.maximumTlsVersion()
                + ", PEAP crypto binding " + binding.name().toLowerCase(java.util.Locale.ROOT)
                + ", TEAP identities " + teapIdentities.setting());
        // EAP-TLS is proposed first; a peer configured for TTLS answers with a Nak (RFC 3748 §5.3.1) and gets it.
        EapTlsMethod eapTls = new EapTlsMethod(t::credentials, tls, random, clock);
        return new EapEngine(List.of(eapTls, new EapTtlsMethod(idps, t::credentials, tls, random, clock),
                        new EapPeapMethod(eapTls, t::credentials, tls, binding, random, clock),
                        new EapTeapMethod(eapTls, teapIdentities, t::credentials, tls, random, clock)),
                new EapConversationTable(maxPerNas, maxTotal, Duration.ofSeconds(idleTimeoutSeconds), clock), random);
    }
}
