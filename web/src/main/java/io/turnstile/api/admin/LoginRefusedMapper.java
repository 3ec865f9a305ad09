package io.turnstile.api.admin;

import io.turnstile.admin.LoginRefusedException;
import io.turnstile.api.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused login as the contract's 400 {@code response_login_failure} ({@code {"detail": "..."}}). */
@Provider
public class LoginRefusedMapper implements ExceptionMapper<LoginRefusedException> {

    @Override
    public Response toResponse(LoginRefusedException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.getMessage())).build();
    }
}
