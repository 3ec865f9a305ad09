package io.turnstile.admin;

/** A valid session: who it is, and the CSRF token state-changing requests made with it must repeat. */
public record SignedIn(Caller caller, String csrfToken) {

    @Override
    public String toString() {
        return "SignedIn[" + caller.id() + "]";
    }
}
