package io.turnstile.radius.inbound;

import io.turnstile.radius.api.ListenerState;
import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadiusControlListener;
import io.turnstile.radius.api.RadiusListener;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.api.RadsecCredentials;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The endpoints currently activated on this adapter instance (one per service), swapped as MDBs come and go. */
final class Endpoints {

    private static final Logger LOG = Logger.getLogger(Endpoints.class.getName());
    private static final Method ON_REQUEST;
    private static final Method RESOLVE_CLIENT;

    static {
        try {
            ON_REQUEST = RadiusListener.class.getMethod("onRequest", RadiusRequest.class);
            RESOLVE_CLIENT = RadiusControlListener.class.getMethod("resolveClient", InetAddress.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long createTimeoutMillis;
    private volatile EndpointInvoker<RadiusListener> authentication;
    private volatile EndpointInvoker<RadiusListener> accounting;
    private volatile EndpointInvoker<RadiusControlListener> control;

    Endpoints(long createTimeoutMillis) {
        this.createTimeoutMillis = createTimeoutMillis;
    }

    void activateService(String service, MessageEndpointFactory f) {
        var invoker = new EndpointInvoker<>(f, RadiusListener.class, ON_REQUEST, createTimeoutMillis);
        if (RadiusActivationSpec.ACCOUNTING.equals(service)) {
            accounting = invoker;
        } else {
            authentication = invoker;
        }
    }

    void activateControl(MessageEndpointFactory f) {
        control = new EndpointInvoker<>(f, RadiusControlListener.class, RESOLVE_CLIENT, createTimeoutMillis);
    }

    /** Forgets a deactivated factory; returns the service name it served, or null. */
    String deactivate(MessageEndpointFactory f) {
        if (authentication != null && authentication.factory() == f) {
            authentication = null;
            return RadiusActivationSpec.AUTHENTICATION;
        }
        if (accounting != null && accounting.factory() == f) {
            accounting = null;
            return RadiusActivationSpec.ACCOUNTING;
        }
        if (control != null && control.factory() == f) {
            control = null;
            return "control";
        }
        return null;
    }

    boolean hasService(String service) {
        return (RadiusActivationSpec.ACCOUNTING.equals(service) ? accounting : authentication) != null;
    }

    boolean hasControl() {
        return control != null;
    }

    /** Calls the service's endpoint; null when no endpoint is active. */
    RadiusReply deliver(String service, RadiusRequest request) throws UnavailableException {
        var invoker = RadiusActivationSpec.ACCOUNTING.equals(service) ? accounting : authentication;
        if (invoker == null) {
            return null;
        }
        return invoker.invoke(l -> l.onRequest(request));
    }

    /** Empty when the source is unknown or no control endpoint is active. */
    Optional<NasClient> resolveClient(InetAddress source) {
        var c = control;
        if (c == null) {
            return Optional.empty();
        }
        try {
            return c.invoke(l -> l.resolveClient(source));
        } catch (UnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "RADIUS client lookup failed for " + source.getHostAddress(), e);
            return Optional.empty();
        }
    }

    /** Empty when no control endpoint is active or the application has no credentials yet. */
    Optional<RadsecCredentials> radsecCredentials() {
        var c = control;
        if (c == null) {
            return Optional.empty();
        }
        try {
            return c.invoke(RadiusControlListener::radsecCredentials);
        } catch (UnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "RadSec credentials lookup failed", e);
            return Optional.empty();
        }
    }

    Optional<NasClient> resolveRadsecClient(List<X509Certificate> chain, InetAddress source) {
        var c = control;
        if (c == null) {
            return Optional.empty();
        }
        try {
            return c.invoke(l -> l.resolveRadsecClient(chain, source));
        } catch (UnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "RadSec client lookup failed for " + source.getHostAddress(), e);
            return Optional.empty();
        }
    }

    void statistics(java.util.Map<String, Long> counters) {
        var c = control;
        if (c == null) {
            return;
        }
        try {
            c.invoke(l -> {
                l.adapterStatistics(counters);
                return null;
            });
        } catch (UnavailableException | RuntimeException e) {
            LOG.log(Level.FINE, "could not push adapter statistics", e);
        }
    }

    /** True when the application took the report; false when it could not (yet) be delivered. */
    boolean report(ListenerState state) {
        var c = control;
        if (c == null) {
            return false;
        }
        try {
            c.invoke(l -> {
                l.listenerStateChanged(state);
                return null;
            });
            return true;
        } catch (UnavailableException | RuntimeException e) {
            // Right after activation the container may still be deploying the MDB (RAR7004); retried later.
            LOG.log(Level.FINE, "could not report listener state yet", e);
            return false;
        }
    }
}
