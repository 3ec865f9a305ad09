package io.turnstile.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API: the NAC subset of the Mist API (shared contract), under {@code /api/v1}. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
