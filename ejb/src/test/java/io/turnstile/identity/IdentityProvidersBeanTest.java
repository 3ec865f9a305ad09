package io.turnstile.identity;

import io.turnstile.events.NacEvent;
import io.turnstile.org.OrgSetting;
import io.turnstile.org.SettingService;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Realm → provider, the provider cache, fault-tolerance exceptions and the published events, with fakes. */
class IdentityProvidersBeanTest {

    static final String ORG = "org-1";
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    final Map<String, IdpConfig> configs = new HashMap<>();
    final List<NacEvent> published = new ArrayList<>();
    final List<FakeProvider> built = new ArrayList<>();
    Map<String, Object> setting = Map.of();
    Supplier<IdpResult> answer = () -> new IdpResult.Authenticated("uid=a", List.of("staff"), Map.of(), true);
    IdentityProvidersBean bean;

    final class FakeProvider implements IdentityProvider {
        final IdpConfig config;
        boolean closed;
        String lastUser;

        FakeProvider(IdpConfig config) {
            this.config = config;
        }

        @Override
        public IdpResult authenticate(String userName, String password) {
            lastUser = userName;
            return answer.get();
        }

        @Override
        public IdpResult lookup(String userName) {
            lastUser = userName;
            return answer.get();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @BeforeEach
    void setUp() {
        IdentityProviderFactory ldap = new IdentityProviderFactory() {
            @Override
            public String idpType() {
                return "ldap";
            }

            @Override
            public void validate(Map<String, Object> fields) {
            }

            @Override
            public IdentityProvider create(IdpConfig config) {
                if (config.fields().containsKey("broken")) {
                    throw new io.turnstile.platform.InvalidRequestException("ldap_cacerts is required");
                }
                FakeProvider p = new FakeProvider(config);
                built.add(p);
                return p;
            }
        };
        bean = new IdentityProvidersBean() {
            @Override
            Iterable<IdentityProviderFactory> factories() {
                return List.of(ldap);
            }
        };
        bean.settings = new SettingService() {
            @Override
            public OrgSetting get(String orgId) {
                return new OrgSetting(orgId, setting, NOW, NOW);
            }

            @Override
            public OrgSetting update(String orgId, Map<String, Object> changes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Optional<io.turnstile.pki.CertifiedKey> importedServerCertificate(String orgId) {
                return java.util.Optional.empty();
            }

            @Override
            public List<X509Certificate> radsecTrustedCas(String orgId) {
                return List.of();
            }
        };
        bean.ssos = new SsoService() {
            @Override
            public SsoPage list(String orgId, int limit, int page) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Sso get(String orgId, String ssoId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Sso create(String orgId, Map<String, Object> body) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Sso update(String orgId, String ssoId, Map<String, Object> body) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(String orgId, String ssoId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<IdpConfig> idpConfig(String orgId, String ssoId) {
                return Optional.ofNullable(configs.get(ssoId)).filter(c -> c.orgId().equals(orgId));
            }
        };
        bean.calls = new GuardedIdentityCalls();
        bean.events = published::addAll;
        bean.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        configs.put("corp", new IdpConfig("corp", ORG, "corp", "ldap", Map.of(), 1));
        configs.put("fallback", new IdpConfig("fallback", ORG, "fallback", "ldap", Map.of(), 1));
        configs.put("cloud", new IdpConfig("cloud", ORG, "cloud", "oauth", Map.of(), 1));
        configs.put("broken", new IdpConfig("broken", ORG, "broken", "ldap", Map.of("broken", true), 1));
        setting = Map.of("mist_nac", Map.of("idps", List.of(Map.of("id", "corp", "user_realms",
                List.of("corp.example")), Map.of("id", "cloud", "user_realms", List.of("cloud.example"))),
                "default_idp_id", "fallback"));
    }

    @Test
    void realmPicksTheProviderAndEventsArePublished() {
        IdpOutcome o = bean.authenticate(IdpRequest.of(ORG, "alice@corp.example"), "pw");
        assertEquals("corp", o.idpId());
        assertEquals("ldap", o.idpType());
        assertInstanceOf(IdpResult.Authenticated.class, o.result());
        assertEquals("alice@corp.example", built.get(0).lastUser);
        assertEquals(List.of(IdpEvents.AUTHC_SUCCESS, IdpEvents.GROUPS_LOOKUP_SUCCESS),
                published.stream().map(NacEvent::type).toList());
        assertEquals(NOW, published.get(0).timestamp());
        assertEquals("corp", published.get(0).facts().get("idp_id"));
        assertEquals(ORG, published.get(0).orgId());
    }

    @Test
    void unmappedRealmGoesToTheDefault() {
        assertEquals("fallback", bean.lookup(IdpRequest.of(ORG, "bob@else.example")).idpId());
        assertEquals("fallback", bean.lookup(IdpRequest.of(ORG, "bob")).idpId());
    }

    @Test
    void noMappingNoDefaultOrMissingSsoIsNoIdentityProvider() {
        setting = Map.of();
        IdpOutcome none = bean.authenticate(IdpRequest.of(ORG, "alice@corp.example"), "pw");
        assertInstanceOf(IdpResult.NoIdentityProvider.class, none.result());
        assertNull(none.idpId());
        assertEquals(List.of(IdpEvents.AUTHC_FAILURE), published.stream().map(NacEvent::type).toList());

        setting = Map.of("mist_nac", Map.of("default_idp_id", "deleted"));
        assertInstanceOf(IdpResult.NoIdentityProvider.class, bean.lookup(IdpRequest.of(ORG, "a")).result());
        // a type without a provider in Turnstile yet
        assertInstanceOf(IdpResult.NoIdentityProvider.class,
                bean.lookup(IdpRequest.of(ORG, "a@cloud.example")).result());
        // a stored entry its factory cannot use fails the lookup, not the caller
        setting = Map.of("mist_nac", Map.of("default_idp_id", "broken"));
        IdpOutcome broken = bean.authenticate(IdpRequest.of(ORG, "a@broken.example"), "pw");
        assertEquals("broken", broken.idpId());
        assertInstanceOf(IdpResult.NoIdentityProvider.class, broken.result());
        assertTrue(built.isEmpty());
    }

    @Test
    void providerIsReusedUntilItsEntryChanges() {
        bean.lookup(IdpRequest.of(ORG, "a@corp.example"));
        bean.lookup(IdpRequest.of(ORG, "b@corp.example"));
        assertEquals(1, built.size());
        configs.put("corp", new IdpConfig("corp", ORG, "corp", "ldap", Map.of(), 2));
        bean.lookup(IdpRequest.of(ORG, "c@corp.example"));
        assertEquals(2, built.size());
        assertTrue(built.get(0).closed, "the provider of the old version is closed");
        assertNotSame(built.get(0), built.get(1));
        bean.lookup(IdpRequest.of(ORG, "d@corp.example"));
        assertSame(built.get(1), built.get(built.size() - 1));
        bean.ssoChanged(new SsoChanged(ORG, "corp"));
        assertTrue(built.get(1).closed, "a deleted or changed entry's provider is closed at once");
        bean.lookup(IdpRequest.of(ORG, "e@corp.example"));
        assertEquals(3, built.size());
        bean.closeAll();
        assertTrue(built.get(2).closed);
    }

    @Test
    void timeoutAndFullBulkheadAreUnreachable() {
        answer = () -> {
            throw new TimeoutException("slow");
        };
        IdpOutcome slow = bean.authenticate(IdpRequest.of(ORG, "a@corp.example"), "pw");
        assertEquals(new IdpResult.Unreachable("no answer within the IdP timeout"), slow.result());
        answer = () -> {
            throw new BulkheadException("full");
        };
        assertInstanceOf(IdpResult.Unreachable.class, bean.lookup(IdpRequest.of(ORG, "a@corp.example")).result());
        answer = () -> {
            throw new IllegalStateException("bug");
        };
        assertInstanceOf(IdpResult.Unreachable.class, bean.lookup(IdpRequest.of(ORG, "a@corp.example")).result());
        assertEquals(List.of(IdpEvents.UNREACHABLE, IdpEvents.UNREACHABLE, IdpEvents.UNREACHABLE),
                published.stream().map(NacEvent::type).toList());
    }
}
