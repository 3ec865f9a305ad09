package io.turnstile.health;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The MicroProfile Health endpoints ({@code /health}, {@code /health/ready}, {@code /health/live},
 * {@code /health/started}), served by Turnstile's own WAR over the same CDI checks, in the MicroProfile Health JSON
 * shape (200 when every check is UP, 503 otherwise).
 *
 * <p>Why not Payara's endpoint: Payara Micro deploys the resource adapters before the WAR, and once any application
 * (a RAR included) is deployed its endpoint answers an empty readiness report as UP, so {@code /health/ready} was 200
 * for about ten seconds of every start while no RADIUS listener was bound and {@code /api/v1} answered 404. Payara's
 * endpoint is switched off in the post-boot commands; this one exists only once the WAR serves requests, so before
 * that a probe gets no answer or a 404, never a 200.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Any
    transient Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        List<HealthCheck> selected = new ArrayList<>();
        switch (path) {
            case "", "/" -> {
                select(Liveness.Literal.INSTANCE, selected);
                select(Readiness.Literal.INSTANCE, selected);
                select(Startup.Literal.INSTANCE, selected);
            }
            case "/ready", "/ready/" -> select(Readiness.Literal.INSTANCE, selected);
            case "/live", "/live/" -> select(Liveness.Literal.INSTANCE, selected);
            case "/started", "/started/" -> select(Startup.Literal.INSTANCE, selected);
            default -> {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : selected) {
            HealthCheckResponse r = call(check);
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder o = Json.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name());
            r.getData().ifPresent(data -> {
                JsonObjectBuilder d = Json.createObjectBuilder();
                data.forEach((k, v) -> {
                    if (v instanceof Number n) {
                        d.add(k, n.longValue());
                    } else if (v instanceof Boolean b) {
                        d.add(k, b);
                    } else {
                        d.add(k, String.valueOf(v));
                    }
                });
                o.add("data", d);
            });
            results.add(o);
        }
        byte[] body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build()
                .toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    private void select(Annotation qualifier, List<HealthCheck> into) {
        checks.select(qualifier).forEach(into::add);
    }

    /** A check that throws is DOWN with the reason, as the MicroProfile Health spec asks. */
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getName()).down()
                    .withData("rootCause", String.valueOf(e.getMessage())).build();
        }
    }
}
