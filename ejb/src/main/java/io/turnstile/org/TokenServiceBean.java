package io.turnstile.org;

import io.turnstile.persistence.org.ApiTokenEntity;
import io.turnstile.persistence.org.OrgRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Org API tokens, authenticated from an in-memory {@link TokenCache}: the cache is loaded at start, refreshed every
 * 30 s (changes made on other cluster nodes), and a token stored here is added after its transaction commits. The
 * same timer writes {@code last_used}, at most once a minute per token, off the request path.
 */
@Singleton
// No-interface view as well (CDI observer methods of a session bean must be business methods, WELD-000088);
// with @LocalBean the interface view must then be declared explicitly.
@LocalBean
@jakarta.ejb.Local(TokenService.class)
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TokenServiceBean implements TokenService {

    private static final Logger LOG = Logger.getLogger(TokenServiceBean.class.getName());

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Inject
    Event<TokenIssued> issued;

    private TokenCache cache;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        cache = new TokenCache(clock, this::loadAll);
        cache.reload();
        LOG.info(() -> "API tokens loaded: " + cache.size());
    }

    @Override
    public Optional<ApiPrincipal> authenticate(String key) {
        if (key == null || key.isEmpty() || key.length() > TokenHasher.MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        Optional<ApiPrincipal> principal = cache.lookup(TokenHasher.hash(key));
        principal.ifPresent(p -> cache.touch(p.tokenId()));
        return principal;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public IssuedToken issue(String orgId, String name, ApiRole role) {
        String key = TokenHasher.generateKey(random);
        return new IssuedToken(store(orgId, name, role, TokenHasher.hash(key)), key);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<ApiPrincipal> register(String orgId, String name, ApiRole role, String key) {
        String hash = TokenHasher.hash(key);
        if (new OrgRepository(em).findTokenByHash(hash).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(store(orgId, name, role, hash));
    }

    @Override
    public boolean exists(String key) {
        return new OrgRepository(em).findTokenByHash(TokenHasher.hash(key)).isPresent();
    }

    private ApiPrincipal store(String orgId, String name, ApiRole role, String hash) {
        ApiTokenEntity token = new ApiTokenEntity(UUID.randomUUID().toString(), orgId, name, hash, role.wire(),
                clock.millis());
        new OrgRepository(em).persist(token);
        ApiPrincipal principal = new ApiPrincipal(token.getId(), orgId, role, name);
        issued.fire(new TokenIssued(hash, principal));
        return principal;
    }

    /** Adds a stored token to the cache once its transaction has committed. */
    public void onIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenIssued event) {
        cache.put(event.keyHash(), event.principal());
    }

    /** Every 30 s: pick up token changes made elsewhere, and write the due {@code last_used} values. */
    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void refresh() {
        try {
            Map<String, Long> due = cache.drainLastUsed();
            OrgRepository repo = new OrgRepository(em);
            due.forEach(repo::touchToken);
            cache.reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "API token refresh failed; keeping the cached tokens", e);
        }
    }

    private Map<String, ApiPrincipal> loadAll() {
        Map<String, ApiPrincipal> all = new HashMap<>();
        for (ApiTokenEntity t : new OrgRepository(em).tokens()) {
            Optional<ApiRole> role = ApiRole.fromWire(t.getRole());
            if (role.isEmpty()) {
                LOG.warning(() -> "API token " + t.getId() + " has an unknown role '" + t.getRole() + "'; ignored");
                continue;
            }
            all.put(t.getKeyHash(), new ApiPrincipal(t.getId(), t.getOrgId(), role.get(), t.getName()));
        }
        return all;
    }
}
