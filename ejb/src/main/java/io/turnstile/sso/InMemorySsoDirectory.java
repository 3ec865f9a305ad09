package io.turnstile.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A stand-in {@link SsoDirectory} holding what is registered with it, until the {@code ssos}/{@code ssoroles}
 * store takes its place (then delete this class: CDI must see one implementation).
 */
@ApplicationScoped
public class InMemorySsoDirectory implements SsoDirectory {

    private final Map<String, SamlSsoConfig> byDomain = new ConcurrentHashMap<>();
    private final Map<String, List<SsoRole>> roles = new ConcurrentHashMap<>();

    public void register(SamlSsoConfig sso) {
        byDomain.put(sso.domain(), sso);
    }

    public void ssoRoles(String orgId, List<SsoRole> orgRoles) {
        roles.put(orgId, List.copyOf(orgRoles));
    }

    @Override
    public Optional<SamlSsoConfig> byDomain(String domain) {
        return Optional.ofNullable(byDomain.get(domain));
    }

    @Override
    public Optional<SamlSsoConfig> byId(String orgId, String ssoId) {
        return byDomain.values().stream().filter(s -> orgId.equals(s.orgId()) && ssoId.equals(s.ssoId())).findFirst();
    }

    @Override
    public Optional<SamlSsoConfig> byEmail(String email) {
        return byDomain.values().stream().filter(s -> s.coversEmail(email)).findFirst();
    }

    @Override
    public List<SsoRole> ssoRoles(String orgId) {
        return roles.getOrDefault(orgId, List.of());
    }
}
