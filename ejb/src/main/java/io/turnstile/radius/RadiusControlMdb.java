package io.turnstile.radius;

import io.turnstile.nas.NasClientDirectory;
import io.turnstile.pki.RadsecTrust;
import io.turnstile.radius.api.ListenerState;
import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadiusControlListener;
import io.turnstile.radius.api.RadsecCredentials;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The adapter's line to the application: RADIUS client lookups (UDP and RadSec), RadSec credentials, listener state. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "turnstile-radius")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RadiusControlMdb implements RadiusControlListener {

    @Inject
    NasClientDirectory clients;

    @Inject
    RadsecTrust radsec;

    @Inject
    RadiusListenerStatus status;

    @Override
    public Optional<NasClient> resolveClient(InetAddress source) {
        return clients.resolve(source);
    }

    @Override
    public Optional<NasClient> resolveRadsecClient(List<X509Certificate> peerChain, InetAddress source) {
        return radsec.resolvePeer(peerChain, source);
    }

    @Override
    public Optional<RadsecCredentials> radsecCredentials() {
        return radsec.credentials();
    }

    @Override
    public void listenerStateChanged(ListenerState state) {
        status.update(state);
    }

    @Override
    public void adapterStatistics(Map<String, Long> counters) {
        status.updateCounters(counters);
    }
}
