package io.turnstile.api.admin;

import io.turnstile.admin.AdminService;
import io.turnstile.api.security.Authenticated;
import io.turnstile.api.security.SessionCookies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /logout} (contract: logout): ends the session of the cookie and clears the cookies; 200 {@code {}}. */
@Path("logout")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LogoutResource {

    @Inject
    AdminService admins;

    @Context
    HttpServletRequest servletRequest;

    @POST
    public Response logout(@CookieParam(SessionCookies.SESSION) String session) {
        admins.logout(session);
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE)
                .cookie(SessionCookies.clear(servletRequest.isSecure())).build();
    }
}
