package io.turnstile.radius;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

import java.util.List;

/**
 * Publishes the adapter's counters as MicroProfile metrics: {@code radius_adapter_received},
 * {@code radius_adapter_answered}, {@code radius_adapter_duplicates_answered} and {@code radius_adapter_dropped}
 * with a {@code reason} tag (unknown_client, malformed, bad_message_authenticator, overload, ...).
 */
@Singleton
@Startup
public class RadiusAdapterMetrics {

    /** The adapter's DropReason names, lower-case (jca-radius-connector inbound). */
    static final List<String> DROP_REASONS = List.of("unknown_client", "malformed", "unexpected_code",
            "bad_authenticator", "bad_message_authenticator", "missing_message_authenticator", "duplicate_in_progress",
            "overload", "not_ready", "application", "endpoint_failure");

    @Inject
    RadiusListenerStatus status;

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    @PostConstruct
    void register() {
        for (String name : List.of("received", "answered", "duplicates_answered")) {
            metrics.gauge("radius.adapter." + name, () -> status.counter(name));
        }
        for (String reason : DROP_REASONS) {
            metrics.gauge("radius.adapter.dropped", () -> status.counter("dropped." + reason), new Tag("reason", reason));
        }
    }
}
