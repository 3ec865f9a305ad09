package io.turnstile.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A test {@link SsoDirectory} holding what is registered with it (the server's is {@link SsoStoreDirectory}). */
class InMemorySsoDirectory implements SsoDirectory {

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
    public Optional<SamlSsoConfig> bySsoId(String ssoId) {
        return byDomain.values().stream().filter(s -> ssoId.equals(s.ssoId())).findFirst();
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
