package io.turnstile.console.login;

import io.turnstile.admin.AdminService;
import io.turnstile.admin.LoginRefusedException;
import io.turnstile.admin.LoginThrottle;
import io.turnstile.admin.LoginThrottledException;
import io.turnstile.admin.SessionTicket;
import io.turnstile.admin.SsoLoginUrls;
import io.turnstile.api.security.SessionCookies;
import io.turnstile.console.access.ConsoleSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.NewCookie;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The login page and logout: the same {@link AdminService} calls and the same cookies ({@link SessionCookies}) as
 * {@code POST /login}, {@code POST /login/lookup} and {@code POST /logout}, so console and REST API share one session.
 * Faces' own CSRF protection (the view state of the form) covers these posts.
 */
@Named("login")
@RequestScoped
public class LoginBean {

    static final String NO_SSO = "No SSO is configured for this email.";

    @Inject
    AdminService admins;

    @Inject
    Instance<SsoLoginUrls> ssoUrls;

    @Inject
    ConsoleSession session;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    private String email;
    private String password;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        try {
            // The same rate limit as POST /login: the password form costs the same hash.
            throttle.admit(request.getRemoteAddr(), email);
            String previous = sessionCookie(request);
            SessionTicket ticket = admins.login(email == null ? "" : email, password == null ? "" : password,
                    previous);
            setCookies(faces, SessionCookies.issue(ticket, request.isSecure(), clock));
            return "/console/dashboard.xhtml?faces-redirect=true";
        } catch (LoginRefusedException | LoginThrottledException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
    }

    /** 'Sign in with SSO': where the SSO of the email is, as {@code POST /login/lookup} answers. */
    public void signInWithSso() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<String> url = email == null || email.isBlank() || !ssoUrls.isResolvable() ? Optional.empty()
                : ssoUrls.get().ssoUrlFor(email.strip());
        if (url.isPresent()) {
            faces.getExternalContext().redirect(url.get());
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, NO_SSO, null));
        }
    }

    public String logout() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String key = sessionCookie(request);
        if (key != null) {
            admins.logout(key);
        }
        setCookies(faces, SessionCookies.clear(request.isSecure()));
        return "/console/login.xhtml?faces-redirect=true";
    }

    private static String sessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie c : request.getCookies()) {
            if (SessionCookies.SESSION.equals(c.getName()) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The REST API's cookies, rendered as JAX-RS renders them (HttpOnly, SameSite=Lax, Max-Age...). */
    private static void setCookies(FacesContext faces, NewCookie[] cookies) {
        ExternalContext ext = faces.getExternalContext();
        HttpServletResponse response = (HttpServletResponse) ext.getResponse();
        for (NewCookie c : cookies) {
            response.addHeader("Set-Cookie", c.toString());
        }
    }
}
