package io.turnstile.api.endpoints;

import io.turnstile.api.ApiError;
import io.turnstile.endpoints.InvalidEndpointException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused usermac write or query: 400 {@code {"detail": "..."}}, with {@code "errors": [...]} added when the
 * service lists every problem (a refused import).
 */
@Provider
public class InvalidEndpointMapper implements ExceptionMapper<InvalidEndpointException> {

    @Override
    public Response toResponse(InvalidEndpointException e) {
        Object body = e.errors().isEmpty()
                ? new ApiError(e.getMessage())
                : new ErrorListJson(e.getMessage(), e.errors());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
