package io.turnstile.org;

import io.turnstile.admin.Caller;
import io.turnstile.admin.CurrentCaller;
import io.turnstile.admin.Privileges;
import io.turnstile.audit.AuditTrail;
import io.turnstile.nas.IpPrefix;
import io.turnstile.persistence.org.ApiTokenEntity;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.ResourceNotFoundException;
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
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Org API tokens, authenticated from an in-memory {@link TokenCache}: the cache is loaded at start, refreshed every
 * 30 s (changes made on other cluster nodes), and a token stored here is added after its transaction commits. The
 * same timer writes {@code last_used}, at most once a minute per token, off the request path. Tokens changed or
 * deleted through the API ({@code /orgs/{org_id}/apitokens}) reload the cache once committed, so they apply on this
 * node at once; each change is audited in its transaction.
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

    @Inject
    Event<TokensChanged> tokensChanged;

    @Inject
    AuditTrail audit;

    @Inject
    Instance<CurrentCaller> currentCaller;

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
        return store(orgId, name, role, hash, List.of(), null).principal();
    }

    private record Stored(ApiTokenEntity entity, ApiPrincipal principal) {
    }

    private Stored store(String orgId, String name, ApiRole role, String hash, List<IpPrefix> srcIps,
                         String createdBy) {
        ApiTokenEntity token = new ApiTokenEntity(UUID.randomUUID().toString(), orgId, name, hash, role.wire(),
                clock.millis());
        if (!srcIps.isEmpty()) {
            token.setSrcIps(JsonText.write(srcIps.stream().map(IpPrefix::toString).toList()));
        }
        token.setCreatedBy(createdBy);
        new OrgRepository(em).persist(token);
        ApiPrincipal principal = new ApiPrincipal(token.getId(), orgId, role, name, srcIps);
        issued.fire(new TokenIssued(hash, principal));
        return new Stored(token, principal);
    }

    @Override
    public List<OrgApiToken> list(String orgId) {
        return new OrgRepository(em).tokens(orgId).stream().map(TokenServiceBean::model).toList();
    }

    @Override
    public OrgApiToken get(String orgId, String tokenId) {
        return model(existing(orgId, tokenId));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public CreatedToken create(String orgId, Map<String, Object> body) {
        OrgRepository repo = new OrgRepository(em);
        if (repo.findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
        Map<String, Object> b = body == null ? Map.of() : body;
        String name = name(b.get("name"));
        ApiRole role = Privileges.fromRequest(b.get("privileges"), orgId).get(0).role();
        List<IpPrefix> srcIps = srcIps(b.get("src_ips"));
        String createdBy = caller().filter(c -> c.kind() == Caller.Kind.ADMIN).map(Caller::name).orElse(null);
        String key = TokenHasher.generateKey(random);
        Stored stored = store(orgId, name, role, TokenHasher.hash(key), srcIps, createdBy);
        OrgApiToken created = model(stored.entity());
        audit.record(orgId, "Add API Token " + name, null, created);
        return new CreatedToken(created, key);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public OrgApiToken update(String orgId, String tokenId, Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        ApiTokenEntity token = existing(orgId, tokenId);
        OrgApiToken before = model(token);
        if (b.containsKey("src_ips") && !srcIps(b.get("src_ips")).stream().map(IpPrefix::toString).toList()
                .equals(before.srcIps())) {
            throw new InvalidRequestException("src_ips cannot be changed once the API token is created");
        }
        if (b.containsKey("name")) {
            token.setName(name(b.get("name")));
        }
        if (b.containsKey("privileges")) {
            token.setRole(Privileges.fromRequest(b.get("privileges"), orgId).get(0).role().wire());
        }
        OrgApiToken after = model(token);
        audit.record(orgId, "Update API Token " + token.getName(), before, after);
        tokensChanged.fire(new TokensChanged(orgId));
        return after;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void delete(String orgId, String tokenId) {
        ApiTokenEntity token = existing(orgId, tokenId);
        OrgApiToken before = model(token);
        new OrgRepository(em).remove(token);
        audit.record(orgId, "Delete API Token " + token.getName(), before, null);
        tokensChanged.fire(new TokensChanged(orgId));
    }

    /** Reloads the cache once a token change or deletion has committed, so it applies on this node at once. */
    public void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensChanged event) {
        cache.reload();
    }

    private ApiTokenEntity existing(String orgId, String tokenId) {
        return new OrgRepository(em).findToken(orgId, tokenId)
                .orElseThrow(() -> new ResourceNotFoundException("apitoken " + tokenId + " not found"));
    }

    private Optional<Caller> caller() {
        try {
            return currentCaller.isResolvable() ? currentCaller.get().get() : Optional.empty();
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }

    private static String name(Object value) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > 255) {
            throw new InvalidRequestException("name is required: a string of 1 to 255 characters");
        }
        return s.trim();
    }

    /** The contract's src_ips: at most 10 addresses or prefixes. */
    static List<IpPrefix> srcIps(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > 10) {
            throw new InvalidRequestException("src_ips must be a list of at most 10 addresses or prefixes");
        }
        List<IpPrefix> out = new ArrayList<>();
        for (Object o : list) {
            try {
                out.add(IpPrefix.parse(o instanceof String s ? s : null));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("src_ips: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<IpPrefix> storedSrcIps(String json) {
        List<IpPrefix> out = new ArrayList<>();
        for (String s : JsonText.parseStringList(json)) {
            out.add(IpPrefix.parse(s));
        }
        return out;
    }

    static OrgApiToken model(ApiTokenEntity t) {
        return new OrgApiToken(t.getId(), t.getOrgId(), t.getName(), ApiRole.fromWire(t.getRole()).orElse(null),
                JsonText.parseStringList(t.getSrcIps()), t.getCreatedBy(), t.getCreated(), t.getLastUsed());
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
            List<IpPrefix> srcIps;
            try {
                srcIps = storedSrcIps(t.getSrcIps());
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "API token " + t.getId() + " has unreadable src_ips; ignored");
                continue;
            }
            all.put(t.getKeyHash(), new ApiPrincipal(t.getId(), t.getOrgId(), role.get(), t.getName(), srcIps));
        }
        return all;
    }
}
