package io.turnstile.health;

import io.turnstile.radius.RadiusListenerStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready means: every RADIUS listener reported bound by the adapter, and the database answers. Tests wait for the
 * check named "turnstile" to be UP, not just for the server's own checks.
 */
@Readiness
@ApplicationScoped
public class TurnstileReadiness implements HealthCheck {

    @Inject
    RadiusListenerStatus listeners;

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("turnstile");
        boolean listenersUp = listeners.allBound();
        listeners.states().forEach(s -> builder.withData("radius." + s.name(),
                (s.bound() ? "bound " : "DOWN ") + s.address() + (s.error() == null ? "" : " " + s.error())));
        boolean databaseUp;
        try (Connection c = dataSource.getConnection()) {
            databaseUp = c.isValid(2);
        } catch (SQLException e) {
            databaseUp = false;
            builder.withData("database.error", e.getMessage());
        }
        builder.withData("database", databaseUp ? "up" : "down");
        return builder.status(listenersUp && databaseUp).build();
    }
}
