package io.turnstile.identity.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import io.turnstile.identity.IdentityProvider;
import io.turnstile.identity.IdpResult;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * An LDAPS directory (OpenLDAP, Active Directory, Okta/Google LDAP interfaces) through the UnboundID LDAP SDK:
 * <ol>
 *   <li>a pool of connections bound as the service account ({@code ldap_bind_dn}) over TLS that trusts only
 *       {@code ldap_cacerts} and checks the server name (RFC 6125), spread over {@code ldap_server_hosts} in order
 *       ({@link FailoverServerSet}: the next server when one refuses or times out);</li>
 *   <li>the user's entry by {@code ldap_user_filter} with the name escaped ({@link LdapFilters}); none or several
 *       → {@link IdpResult.UserNotFound};</li>
 *   <li>{@link AccountStatus}: disabled → {@link IdpResult.UserDisabled} (before any bind with the password);</li>
 *   <li>a simple bind as the entry's DN with the password (RFC 4513 §5.1.3) on a pooled connection, which is then
 *       bound back to the service account; an empty password is refused without asking (RFC 4513 §5.1.2: it would
 *       be an unauthenticated bind, which servers answer with success);</li>
 *   <li>groups ({@link LdapSettings}); if that lookup fails, the login stands and the result says so.</li>
 * </ol>
 * Connection-level failures (refused, timeout, TLS, service bind rejected) give {@link IdpResult.Unreachable}.
 * The password is never logged and never part of a result or exception message.
 */
public final class LdapIdentityProvider implements IdentityProvider {

    private static final Logger LOG = Logger.getLogger(LdapIdentityProvider.class.getName());

    /** Most groups collected for one user (nested resolution included): a bound on a hostile or cyclic directory. */
    static final int MAX_GROUPS = 1000;

    static final long MAX_CONNECTION_AGE_MILLIS = 300_000;

    /** Entry attributes a result carries besides the groups. */
    static final List<String> RESULT_ATTRIBUTES = List.of("cn", "uid", "mail", "userPrincipalName",
            "sAMAccountName", "displayName");

    private final LdapSettings settings;
    private final LdapTimeouts timeouts;
    private final FailoverServerSet servers;
    private final SimpleBindRequest serviceBind;
    private final String[] userAttributes;
    private LDAPConnectionPool pool;
    private boolean closed;

    public LdapIdentityProvider(LdapSettings settings, LdapTimeouts timeouts) {
        this.settings = settings;
        this.timeouts = timeouts;
        SSLSocketFactory sockets;
        try {
            sockets = new HandshakeTimeoutSocketFactory(new SSLUtil(keyManagers(settings), trustManagers(settings))
                    .createSSLSocketFactory(), timeouts.connectMillis());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS context for the LDAP servers cannot be made", e);
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(timeouts.connectMillis());
        options.setResponseTimeoutMillis(timeouts.responseMillis());
        options.setAbandonOnTimeout(true);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        options.setUseSynchronousMode(true);
        String[] hosts = settings.servers().stream().map(LdapServer::host).toArray(String[]::new);
        int[] ports = settings.servers().stream().mapToInt(LdapServer::port).toArray();
        this.servers = new FailoverServerSet(hosts, ports, sockets, options);
        this.serviceBind = new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        Set<String> attrs = new LinkedHashSet<>(RESULT_ATTRIBUTES);
        attrs.add(settings.groupAttr());
        attrs.addAll(AccountStatus.attributes(settings.disabledAttr()));
        this.userAttributes = attrs.toArray(String[]::new);
    }

    @Override
    public IdpResult authenticate(String userName, String password) {
        if (userName == null || userName.isBlank()) {
            return new IdpResult.UserNotFound("empty user name");
        }
        if (password == null || password.isEmpty()) {
            return new IdpResult.InvalidCredentials("empty password");
        }
        try {
            LDAPConnectionPool p = pool();
            Lookup found = findUser(p, userName);
            if (found.failure() != null) {
                return found.failure();
            }
            SearchResultEntry entry = found.entry();
            try {
                p.bindAndRevertAuthentication(new SimpleBindRequest(entry.getDN(), password));
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return new IdpResult.InvalidCredentials("wrong password");
                }
                throw e;
            }
            Groups groups = groups(p, entry);
            return new IdpResult.Authenticated(entry.getDN(), groups.names(), attributes(entry, groups),
                    groups.resolved());
        } catch (LDAPException e) {
            return unreachable(e);
        }
    }

    @Override
    public IdpResult lookup(String userName) {
        if (userName == null || userName.isBlank()) {
            return new IdpResult.UserNotFound("empty user name");
        }
        try {
            LDAPConnectionPool p = pool();
            Lookup found = findUser(p, userName);
            if (found.failure() != null) {
                return found.failure();
            }
            Groups groups = groups(p, found.entry());
            return new IdpResult.Found(found.entry().getDN(), groups.names(), attributes(found.entry(), groups),
                    groups.resolved());
        } catch (LDAPException e) {
            return unreachable(e);
        }
    }

    private record Lookup(SearchResultEntry entry, IdpResult failure) {
    }

    private Lookup findUser(LDAPConnectionPool p, String userName) throws LDAPException {
        Filter filter = LdapFilters.filter(settings.userFilter(), userName);
        // size limit 2: one entry is the user, two mean the filter is ambiguous (RFC 4511 §4.5.1.4)
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB, DereferencePolicy.NEVER, 2,
                timeLimitSeconds(), false, filter, userAttributes);
        SearchResult result;
        try {
            result = p.search(request);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return new Lookup(null, new IdpResult.UserNotFound("the user filter matches several entries"));
            }
            throw e;
        }
        if (result.getEntryCount() == 0) {
            return new Lookup(null, new IdpResult.UserNotFound("no entry matches the user filter"));
        }
        if (result.getEntryCount() > 1) {
            return new Lookup(null, new IdpResult.UserNotFound("the user filter matches several entries"));
        }
        SearchResultEntry entry = result.getSearchEntries().get(0);
        Optional<String> disabled = AccountStatus.disabledReason(entry, settings.disabledAttr());
        if (disabled.isPresent()) {
            return new Lookup(null, new IdpResult.UserDisabled(entry.getDN(), disabled.get()));
        }
        return new Lookup(entry, null);
    }

    private record Groups(List<String> dns, List<String> names, boolean resolved) {
    }

    private Groups groups(LDAPConnectionPool p, SearchResultEntry user) {
        Set<String> dns = new LinkedHashSet<>();
        boolean resolved = true;
        try {
            List<String> direct = settings.groupFilter() != null ? searchGroupsOf(p, user.getDN())
                    : valuesOf(user.getAttributeValues(settings.groupAttr()));
            dns.addAll(direct);
            if (settings.resolveGroups()) {
                Deque<String> todo = new ArrayDeque<>(direct);
                while (!todo.isEmpty() && dns.size() < MAX_GROUPS) {
                    for (String parent : parentsOf(p, todo.pop())) {
                        if (dns.add(parent)) {
                            todo.add(parent);
                        }
                    }
                }
            }
        } catch (LDAPException e) {
            LOG.warning("LDAP group lookup failed for " + user.getDN() + ": " + e.getResultCode());
            resolved = false;
        }
        List<String> list = new ArrayList<>(dns).subList(0, Math.min(dns.size(), MAX_GROUPS));
        return new Groups(list, list.stream().map(LdapIdentityProvider::groupName).distinct().toList(), resolved);
    }

    private List<String> searchGroupsOf(LDAPConnectionPool p, String memberDn) throws LDAPException {
        Filter filter = Filter.createANDFilter(Filter.create(settings.groupFilter()),
                LdapFilters.filter(settings.memberFilter(), memberDn));
        SearchRequest request = new SearchRequest(settings.groupBaseDn(), SearchScope.SUB, DereferencePolicy.NEVER,
                MAX_GROUPS, timeLimitSeconds(), false, filter, SearchRequest.NO_ATTRIBUTES);
        List<String> out = new ArrayList<>();
        for (SearchResultEntry e : p.search(request).getSearchEntries()) {
            out.add(e.getDN());
        }
        return out;
    }

    private List<String> parentsOf(LDAPConnectionPool p, String groupDn) throws LDAPException {
        if (settings.groupFilter() != null) {
            return searchGroupsOf(p, groupDn);
        }
        SearchResultEntry group = p.getEntry(groupDn, settings.groupAttr());
        return group == null ? List.of() : valuesOf(group.getAttributeValues(settings.groupAttr()));
    }

    private static List<String> valuesOf(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** The value of a group DN's first RDN ({@code cn=staff,ou=groups,...} → {@code staff}), or the DN itself. */
    static String groupName(String dn) {
        try {
            String[] values = new DN(dn).getRDN().getAttributeValues();
            return values.length > 0 ? values[0] : dn;
        } catch (LDAPException e) {
            return dn;
        }
    }

    private static Map<String, List<String>> attributes(SearchResultEntry entry, Groups groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : RESULT_ATTRIBUTES) {
            String[] values = entry.getAttributeValues(name);
            if (values != null && values.length > 0) {
                out.put(name, List.of(values));
            }
        }
        out.put("group_dns", groups.dns());
        return out;
    }

    private int timeLimitSeconds() {
        return Math.max(1, (timeouts.responseMillis() + 999) / 1000);
    }

    private synchronized LDAPConnectionPool pool() throws LDAPException {
        if (closed) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "provider closed (configuration changed)");
        }
        if (pool == null) {
            // no connection is opened yet: the first request does it, bounded by the connect timeout
            LDAPConnectionPool p = new LDAPConnectionPool(servers, serviceBind, 0, timeouts.maxConnections(), null,
                    false);
            p.setCreateIfNecessary(true);
            p.setMaxWaitTimeMillis(timeouts.responseMillis());
            p.setRetryFailedOperationsDueToInvalidConnections(true);
            p.setConnectionPoolName("turnstile-ldap");
            // failover only chooses a server for new connections: renewing them now and then brings the pool back
            // to the first server once it is up again
            p.setMaxConnectionAgeMillis(MAX_CONNECTION_AGE_MILLIS);
            pool = p;
        }
        return pool;
    }

    private static IdpResult unreachable(LDAPException e) {
        ResultCode code = e.getResultCode();
        String reason = code == ResultCode.INVALID_CREDENTIALS ? "the service account (ldap_bind_dn) was refused"
                : code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN ? "no LDAP server answered"
                : code == ResultCode.TIMEOUT ? "the LDAP server did not answer in time"
                : "LDAP error " + code.getName();
        return new IdpResult.Unreachable(reason);
    }

    private static TrustManager[] trustManagers(LdapSettings s) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < s.caCerts().size(); i++) {
            store.setCertificateEntry("ca-" + i, s.caCerts().get(i));
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return f.getTrustManagers();
    }

    private static KeyManager[] keyManagers(LdapSettings s) throws GeneralSecurityException, IOException {
        if (s.clientCert() == null) {
            return null;
        }
        char[] transientPassword = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", s.clientKey(), transientPassword, new Certificate[]{s.clientCert()});
        KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        f.init(store, transientPassword);
        return f.getKeyManagers();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    @Override
    public String toString() {
        return "LdapIdentityProvider[" + settings + "]";
    }
}
