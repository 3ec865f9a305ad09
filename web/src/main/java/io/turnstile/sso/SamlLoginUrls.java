package io.turnstile.sso;

import java.util.Optional;

import io.turnstile.admin.AdminAccount;
import io.turnstile.admin.AdminService;
import io.turnstile.admin.SsoLoginUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code sso_url} of {@code POST /login/lookup}: where an SSO admin's SP-initiated login starts ({@code GET
 * /api/v1/saml/{domain}/login}). An existing SSO admin goes to the SSO it belongs to; an unknown email to the SAML SSO
 * whose {@code email_domains} cover it (first login); a local admin gets none (password login), nor does anyone
 * for a {@code disabled} SSO (local login is then the emergency path).
 */
@RequestScoped
public class SamlLoginUrls implements SsoLoginUrls {

    @Inject
    SsoDirectory directory;

    @Inject
    AdminService admins;

    @Inject
    PublicBaseUrl baseUrl;

    @Inject
    HttpServletRequest request;

    @Override
    public Optional<String> ssoUrlFor(String email) {
        Optional<AdminAccount> account = admins.lookup(email);
        if (account.isPresent() && account.get().local()) {
            return Optional.empty();
        }
        Optional<SamlSsoConfig> sso = account.isPresent() ? directory.bySsoId(account.get().ssoId())
                : directory.byEmail(email);
        String base = baseUrl.resolve(request.getScheme(), request.getServerName(), request.getServerPort());
        return sso.filter(s -> !s.disabled()).map(s -> SpEndpoints.of(base, s.domain()).acsUrl());
    }
}
