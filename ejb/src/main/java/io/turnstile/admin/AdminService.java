package io.turnstile.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admins and their sessions: local login with lockout, SSO sign-in (called by the SAML login), session resolution
 * for the session cookie, and the management of an org's admins. Management methods work within {@code orgId} only and
 * write an audit entry in the same transaction.
 */
public interface AdminService {

    /**
     * Local login. Opens a new session (the caller sets the cookies) and records '<name> <email> Login with Role
     * “<role>”' in each org the admin has a role in.
     *
     * @param previousSessionKey the session cookie the request carried, if any: closed (session rotation)
     * @throws LoginRefusedException wrong email or password (one message for both), locked, or an SSO account
     */
    SessionTicket login(String email, String password, String previousSessionKey);

    /**
     * Sign-in of an SSO admin after the SAML login checked the assertion: creates the admin on first login (bound to
     * this SSO), sets its privileges from the org's {@code ssoroles} matching {@code roleNames}, and opens a session.
     *
     * @throws LoginRefusedException if the email is a local admin or bound to another SSO, or no role matches
     */
    SessionTicket ssoSignIn(String orgId, String ssoId, String email, String firstName, String lastName,
                            List<String> roleNames);

    /** The signed-in caller of a session key, if the session exists and has not expired. */
    Optional<SignedIn> session(String sessionKey);

    /** Ends a session (no-op if unknown). */
    void logout(String sessionKey);

    /** Whether an admin with this email exists, and whether it is an SSO admin (its SSO id). */
    Optional<AdminAccount> lookup(String email);

    AdminAccount find(String adminId);

    List<AdminAccount> list(String orgId);

    AdminAccount get(String orgId, String adminId);

    /** Creates a local admin from {@code {email, password, first_name, last_name, privileges}}. */
    AdminAccount create(String orgId, Map<String, Object> body);

    /** Changes the fields the body carries ({@code first_name}, {@code last_name}, {@code password}, {@code privileges}). */
    AdminAccount update(String orgId, String adminId, Map<String, Object> body);

    /** Removes the admin's role in this org (and the admin, when it has no other org). */
    void delete(String orgId, String adminId);
}
