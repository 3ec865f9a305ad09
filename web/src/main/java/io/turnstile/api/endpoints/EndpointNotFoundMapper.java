package io.turnstile.api.endpoints;

import io.turnstile.api.ApiError;
import io.turnstile.endpoints.EndpointNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown usermac id: 404 {@code {"detail": "usermac ... not found"}}. */
@Provider
public class EndpointNotFoundMapper implements ExceptionMapper<EndpointNotFoundException> {

    @Override
    public Response toResponse(EndpointNotFoundException e) {
        return ApiError.notFound(e.getMessage()).getResponse();
    }
}
