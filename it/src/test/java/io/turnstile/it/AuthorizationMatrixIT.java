package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.turnstile.it.TurnstileUnderTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every operation of the OpenAPI document Turnstile serves ({@code GET /openapi}) × each kind of caller, against the
 * status the operation's least role implies. The table below is the expectation, kept apart from the code under
 * test: an operation served without an entry here fails, and so does one whose resource declares no role (the filter
 * then refuses even admins).
 *
 * <p>Callers: API tokens with role admin, write, read and helpdesk; a signed-in admin with role read (session
 * cookie, safe methods only, since changes would also need the CSRF token); no credentials; an admin token used
 * from outside its {@code src_ips}. "Allowed" means anything but 401/403 (a request with dummy ids and bodies then
 * ends in 400 or 404); "refused" means 403, or 401 without credentials.
 */
class AuthorizationMatrixIT {

    /** The least role of each operation: admin, write, helpdesk, read, signed-in (any caller) or public. */
    static final Map<String, String> LEAST_ROLE = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/v1/login", "public"),
            Map.entry("POST /api/v1/login/lookup", "public"),
            Map.entry("POST /api/v1/logout", "signed-in"),
            Map.entry("GET /api/v1/self", "signed-in"),
            Map.entry("GET /api/v1/orgs/{org_id}/accounting/sessions/search", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/admins", "admin"),
            Map.entry("POST /api/v1/orgs/{org_id}/admins", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/admins/{admin_id}", "admin"),
            Map.entry("PUT /api/v1/orgs/{org_id}/admins/{admin_id}", "admin"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/admins/{admin_id}", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/apitokens", "admin"),
            Map.entry("POST /api/v1/orgs/{org_id}/apitokens", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/apitokens/{apitoken_id}", "admin"),
            Map.entry("PUT /api/v1/orgs/{org_id}/apitokens/{apitoken_id}", "admin"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/apitokens/{apitoken_id}", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/cert", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/cert/issue_client", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/logs", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/logs/count", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/mxclusters", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/mxclusters", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/mxclusters/{mxcluster_id}", "read"),
            Map.entry("PUT /api/v1/orgs/{org_id}/mxclusters/{mxcluster_id}", "write"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/mxclusters/{mxcluster_id}", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/nacrules", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/nacrules", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/nacrules/{nacrule_id}", "read"),
            Map.entry("PUT /api/v1/orgs/{org_id}/nacrules/{nacrule_id}", "write"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/nacrules/{nacrule_id}", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/nactags", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/nactags", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/nactags/{nactag_id}", "read"),
            Map.entry("PUT /api/v1/orgs/{org_id}/nactags/{nactag_id}", "write"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/nactags/{nactag_id}", "write"),
            Map.entry("POST /api/v1/orgs/{org_id}/nacrules/test", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/nac_clients/count", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/nac_clients/events/count", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/nac_clients/events/search", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/nac_clients/search", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/setting", "read"),
            Map.entry("PUT /api/v1/orgs/{org_id}/setting", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/setting/mist_nac_crls", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/setting/mist_nac_crls", "write"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/setting/mist_nac_crls/{naccrl_id}", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssos", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/ssos", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssos/{sso_id}", "read"),
            Map.entry("PUT /api/v1/orgs/{org_id}/ssos/{sso_id}", "admin"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/ssos/{sso_id}", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssos/{sso_id}/metadata", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssos/{sso_id}/metadata.xml", "read"),
            Map.entry("POST /api/v1/orgs/{org_id}/ssos/{sso_id}/metadata/import", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssos/{sso_id}/failures", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssoroles", "admin"),
            Map.entry("POST /api/v1/orgs/{org_id}/ssoroles", "admin"),
            Map.entry("GET /api/v1/orgs/{org_id}/ssoroles/{ssorole_id}", "admin"),
            Map.entry("PUT /api/v1/orgs/{org_id}/ssoroles/{ssorole_id}", "admin"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/ssoroles/{ssorole_id}", "admin"),
            Map.entry("PUT /api/v1/orgs/{org_id}/usermacs", "write"),
            Map.entry("POST /api/v1/orgs/{org_id}/usermacs", "write"),
            Map.entry("POST /api/v1/orgs/{org_id}/usermacs/delete", "write"),
            Map.entry("POST /api/v1/orgs/{org_id}/usermacs/import", "write"),
            Map.entry("GET /api/v1/orgs/{org_id}/usermacs/search", "read"),
            Map.entry("GET /api/v1/orgs/{org_id}/usermacs/{usermac_id}", "read"),
            Map.entry("PUT /api/v1/orgs/{org_id}/usermacs/{usermac_id}", "write"),
            Map.entry("DELETE /api/v1/orgs/{org_id}/usermacs/{usermac_id}", "write")));

    /** Which least roles each caller role satisfies (ApiRole.satisfies, restated). */
    static final Map<String, Set<String>> SATISFIES = Map.of(
            "admin", Set.of("admin", "write", "helpdesk", "read", "signed-in", "public"),
            "write", Set.of("write", "helpdesk", "read", "signed-in", "public"),
            "helpdesk", Set.of("helpdesk", "read", "signed-in", "public"),
            "read", Set.of("read", "signed-in", "public"));

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static String org;
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static String fencedToken;
    static AdminSession readSession;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.orgId();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String role : List.of("admin", "write", "read", "helpdesk")) {
            tokens.put(role, createToken("matrix-" + role + "-" + run, role, null));
        }
        fencedToken = createToken("matrix-fenced-" + run, "admin", "[\"192.0.2.0/24\", \"2001:db8::/32\"]");
        String email = "matrix-read-" + run + "@example.com";
        AdminSession.createAdmin(org, email, "matrix-password-123456", "read");
        readSession = AdminSession.signedIn(email, "matrix-password-123456");
    }

    static String createToken(String name, String role, String srcIps) {
        var r = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/apitokens", """
                {"name": "%s", "privileges": [{"scope": "org", "role": "%s"}]%s}"""
                .formatted(name, role, srcIps == null ? "" : ", \"src_ips\": " + srcIps));
        if (r.status() != 200) {
            throw new IllegalStateException("creating token " + name + ": " + r);
        }
        return r.json().getString("key");
    }

    /** Operations whose served request body is multipart/form-data only (filled by {@link #servedOperations()}). */
    static final java.util.Set<String> MULTIPART = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The operations of the served OpenAPI document, as "METHOD /path". */
    static List<String> servedOperations() {
        var r = call("GET", "/openapi?format=JSON", null, null, null);
        assertEquals(200, r.status(), r.body());
        JsonObject doc;
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            doc = reader.readObject();
        }
        List<String> ops = new ArrayList<>();
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((m, operation) -> {
            if (!METHODS.contains(m)) {
                return;
            }
            String op = m.toUpperCase() + " " + path;
            ops.add(op);
            // An operation that takes only multipart bodies answers 415 to JSON before any filter runs: send its type.
            var content = operation.asJsonObject().getJsonObject("requestBody") == null ? null
                    : operation.asJsonObject().getJsonObject("requestBody").getJsonObject("content");
            if (content != null && !content.containsKey("application/json")
                    && content.containsKey("multipart/form-data")) {
                MULTIPART.add(op);
            }
        }));
        return ops;
    }

    static String concrete(String path) {
        return path.replace("{org_id}", org).replaceAll("\\{[a-z_]+}", UUID.randomUUID().toString());
    }

    static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    @Test
    void everyServedOperationDeclaresTheExpectedLeastRole() {
        List<String> ops = servedOperations();
        assertTrue(ops.size() >= LEAST_ROLE.size() - 5, "the document lists the API: " + ops);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String op : ops) {
            String least = LEAST_ROLE.get(op);
            if (least == null) {
                failures.add(op + ": served, but no least role is expected for it (add it to LEAST_ROLE)");
                continue;
            }
            String method = op.substring(0, op.indexOf(' '));
            String path = concrete(op.substring(op.indexOf(' ') + 1));
            boolean multipart = MULTIPART.contains(op);
            String body = multipart ? "--matrix--\r\n" : method.equals("POST") || method.equals("PUT") ? "{}" : null;
            String type = body == null ? null : multipart ? "multipart/form-data; boundary=matrix" : "application/json";
            boolean open = least.equals("public");

            for (var e : tokens.entrySet()) {
                int status = call(method, path, e.getValue(), type, body).status();
                boolean allowed = SATISFIES.get(e.getKey()).contains(least);
                checked++;
                if (allowed == refused(status) || (!allowed && status != 403)) {
                    failures.add(op + " as " + e.getKey() + " token: " + status + ", expected "
                            + (allowed ? "allowed" : "403"));
                }
            }
            int anonymous = call(method, path, null, type, body).status();
            checked++;
            if (open ? refused(anonymous) : anonymous != 401) {
                failures.add(op + " without credentials: " + anonymous + ", expected " + (open ? "allowed" : "401"));
            }
            int fenced = call(method, path, fencedToken, type, body).status();
            checked++;
            if (open ? refused(fenced) : fenced != 403) {
                failures.add(op + " with a token outside its src_ips: " + fenced + ", expected "
                        + (open ? "allowed" : "403"));
            }
            if (method.equals("GET")) {
                int session = readSession.call(method, path, null).status();
                boolean allowed = SATISFIES.get("read").contains(least);
                checked++;
                if (allowed == refused(session) || (!allowed && session != 403)) {
                    failures.add(op + " as read admin (session): " + session + ", expected "
                            + (allowed ? "allowed" : "403"));
                }
            }
        }
        System.out.println("authorization matrix: " + ops.size() + " operations, " + checked + " checks, "
                + failures.size() + " failed");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " checks failed:\n"
                + String.join("\n", failures));
    }

    @Test
    void everyExpectedOperationIsServed() {
        List<String> ops = servedOperations();
        List<String> missing = LEAST_ROLE.keySet().stream().filter(op -> !ops.contains(op)).toList();
        assertTrue(missing.isEmpty(), "expected but not in /openapi: " + missing);
    }

    @Test
    void anotherOrgsPathsAreClosedEvenToAdmins() {
        String other = UUID.randomUUID().toString();
        assertEquals(403, call("GET", "/api/v1/orgs/" + other + "/usermacs/search", tokens.get("admin"), null, null)
                .status());
        assertEquals(403, readSession.call("GET", "/api/v1/orgs/" + other + "/logs", null).status());
        assertEquals(404, call("GET", "/api/v1/orgs/not-a-uuid/logs", tokens.get("admin"), null, null).status());
    }
}
