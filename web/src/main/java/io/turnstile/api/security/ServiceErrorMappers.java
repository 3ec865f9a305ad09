package io.turnstile.api.security;

import io.turnstile.api.ApiError;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Service-layer refusals as the contract's error bodies ({@code {"detail": "..."}}): invalid input 400, unknown
 * object 404, malformed JSON body 400. Kept next to the authentication errors so that all API error bodies come from
 * one place.
 */
public final class ServiceErrorMappers {

    private ServiceErrorMappers() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return ApiError.badRequest(e.getMessage()).getResponse();
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<ResourceNotFoundException> {
        @Override
        public Response toResponse(ResourceNotFoundException e) {
            return ApiError.notFound(e.getMessage()).getResponse();
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonText.JsonTextException> {
        @Override
        public Response toResponse(JsonText.JsonTextException e) {
            return ApiError.badRequest("malformed JSON: " + e.getMessage()).getResponse();
        }
    }
}
