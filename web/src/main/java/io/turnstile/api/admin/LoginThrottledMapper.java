package io.turnstile.api.admin;

import io.turnstile.admin.LoginThrottledException;
import io.turnstile.api.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A throttled login as 429 Too Many Requests with {@code Retry-After} in seconds (RFC 6585 §4, RFC 9110 §10.2.3). */
@Provider
public class LoginThrottledMapper implements ExceptionMapper<LoginThrottledException> {

    @Override
    public Response toResponse(LoginThrottledException e) {
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(e.getMessage())).build();
    }
}
