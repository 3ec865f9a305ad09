package io.turnstile.console.access;

import io.turnstile.admin.Caller;
import io.turnstile.admin.SignedIn;
import io.turnstile.org.ApiRole;
import io.turnstile.org.Organisation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The console's view of the signed-in admin for this request, set by {@link ConsoleSessionFilter} from the same
 * {@code sessionid} cookie the REST API reads. The console works in one org at a time: the admin's first org (by id),
 * which is what the header shows with the admin's role in it.
 */
@Named("console")
@RequestScoped
public class ConsoleSession {

    private SignedIn signedIn;
    private Organisation org;

    /** Called by {@link ConsoleSessionFilter} only (public so that the CDI client proxy can forward it). */
    public void set(SignedIn signedIn, Organisation org) {
        this.signedIn = signedIn;
        this.org = org;
    }

    public boolean isSignedIn() {
        return signedIn != null;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(signedIn).map(SignedIn::caller);
    }

    public String getOrgId() {
        return org == null ? null : org.id();
    }

    public String getOrgName() {
        return org == null ? "" : org.name();
    }

    public String getUserName() {
        return caller().map(c -> c.displayName() != null && !c.displayName().isBlank() ? c.displayName() : c.name())
                .orElse("");
    }

    public String getEmail() {
        return caller().map(Caller::name).orElse("");
    }

    /** The caller's role in the console's org, in the contract's spelling ({@code admin}, {@code read}...). */
    public String getRole() {
        return role().map(ApiRole::wire).orElse("");
    }

    public Optional<ApiRole> role() {
        return caller().flatMap(c -> c.roleIn(getOrgId()));
    }

    /** The roles an admin, SSO role or API token can be given, in the contract's spelling. */
    public List<String> getRoleNames() {
        return Arrays.stream(ApiRole.values()).map(ApiRole::wire).toList();
    }

    /**
     * Whether the caller's role satisfies {@code least} (wire spelling), for hiding controls; the server-side refusal
     * is {@link ConsoleAccessInterceptor}'s, from the action's own {@code @RequiresRole}.
     */
    public boolean may(String least) {
        return ApiRole.fromWire(least).flatMap(r -> role().map(mine -> mine.satisfies(r))).orElse(false);
    }
}
