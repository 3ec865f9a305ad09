package io.turnstile.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error body of the contract ({@code response_http400}: {@code {"detail": "..."}}) and helpers to throw it. */
public record ApiError(String detail) {

    public static WebApplicationException badRequest(String detail) {
        return status(Response.Status.BAD_REQUEST, detail);
    }

    public static WebApplicationException notFound(String detail) {
        return status(Response.Status.NOT_FOUND, detail);
    }

    public static WebApplicationException status(Response.Status status, String detail) {
        return new WebApplicationException(detail, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(detail)).build());
    }
}
