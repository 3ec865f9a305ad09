package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.turnstile.it.TurnstileUnderTest.delete;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Secrets of mxclusters and of the org setting are sealed at rest and masked in responses; a PUT of what a GET
 * answered keeps them, and RADIUS still works with the kept secret. "At rest" is checked in the database itself: the
 * rows read over JDBC (PostgreSQL), or the H2 file read byte by byte once a marker written in the same row shows up.
 */
class SecretsAtRestIT {

    static final String MASK = "********";

    static String org;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
    }

    @Test
    void mxclusterSecretsAreMaskedKeptOnPutAndRadiusStillAnswers() {
        String path = "/api/v1/orgs/" + org + "/mxclusters";
        JsonObject itCluster = get(path).array().stream().map(v -> v.asJsonObject())
                .filter(c -> "it-cluster".equals(c.getString("name", ""))).findFirst().orElseThrow();
        JsonObject nac = itCluster.getJsonObject("mist_nac");
        assertEquals(MASK, nac.getString("secret"), itCluster.toString());
        assertEquals(MASK, nac.getJsonObject("client_ips").getJsonObject("127.0.0.3").getString("secret"));
        assertFalse(itCluster.toString().contains(TurnstileUnderTest.SECRET), itCluster.toString());

        // PUT back exactly what GET answered: the masks keep the stored secrets.
        var updated = put(path + "/" + itCluster.getString("id"), itCluster.toString());
        assertEquals(200, updated.status(), updated.body());
        assertEquals(MASK, updated.json().getJsonObject("mist_nac").getString("secret"));
        var result = Radclient.auth(Radclient.mab("001b2c3d4ef0"));
        // An unknown MAC is rejected, which needs a valid Response Authenticator: the shared secret is unchanged.
        assertTrue(result.rejected(), result.output());
    }

    @Test
    void secretsOfMxclusterExtraFieldsAndOrgSettingAreSealedAtRest() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        String root = "root-pw-" + UUID.randomUUID();
        String das = "das-secret-" + UUID.randomUUID();
        String nacSecret = "nac-secret-" + UUID.randomUUID();
        var created = post("/api/v1/orgs/" + org + "/mxclusters", """
                {"name": "%s", "mxedge_mgmt": {"root_password": "%s", "fips_enabled": false},
                 "mist_das": {"enabled": true, "coa_servers": [{"host": "192.0.2.10", "secret": "%s"}]},
                 "mist_nac": {"enabled": false, "secret": "%s", "client_ips": {"192.0.2.77": {}}}}"""
                .formatted(marker, root, das, nacSecret));
        assertEquals(200, created.status(), created.body());
        String id = created.json().getString("id");
        try {
            JsonObject read = get("/api/v1/orgs/" + org + "/mxclusters/" + id).json();
            assertEquals(MASK, read.getJsonObject("mxedge_mgmt").getString("root_password"), read.toString());
            assertEquals(MASK, read.getJsonObject("mist_das").getJsonArray("coa_servers").getJsonObject(0)
                    .getString("secret"));
            assertEquals(MASK, read.getJsonObject("mist_nac").getString("secret"));
            for (String secret : new String[]{root, das, nacSecret}) {
                assertFalse(read.toString().contains(secret), read.toString());
            }
            // A mask sent where nothing is stored is refused rather than stored as a secret.
            var refused = put("/api/v1/orgs/" + org + "/mxclusters/" + id, """
                    {"radsec": {"auth_servers": [{"host": "192.0.2.11", "secret": "%s"}]}}""".formatted(MASK));
            assertEquals(400, refused.status(), refused.body());

            String settingApiToken = "cloudshark-token-" + UUID.randomUUID();
            String settingMarker = "marker-" + UUID.randomUUID();
            var setting = put("/api/v1/orgs/" + org + "/setting", """
                    {"cloudshark": {"apitoken": "%s", "url": "https://%s.example"}}"""
                    .formatted(settingApiToken, settingMarker));
            assertEquals(200, setting.status(), setting.body());
            assertEquals(MASK, setting.json().getJsonObject("cloudshark").getString("apitoken"));
            JsonObject readSetting = get("/api/v1/orgs/" + org + "/setting").json();
            assertEquals(MASK, readSetting.getJsonObject("cloudshark").getString("apitoken"));
            // Sending the mask back keeps the token (the stored row still holds a sealed value, not the mask).
            var again = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder()
                    .add("cloudshark", readSetting.getJsonObject("cloudshark")).build().toString());
            assertEquals(200, again.status(), again.body());

            StoredRows rows = StoredRows.open();
            String clusterRow = rows.await("SELECT name || ' ' || COALESCE(extra, '') || ' ' || COALESCE(nac_secret, '')"
                    + " FROM mxcluster WHERE id = '" + id + "'", marker);
            for (String secret : new String[]{root, das, nacSecret}) {
                assertFalse(clusterRow.contains(secret), "clear secret stored in mxcluster");
            }
            assertTrue(clusterRow.contains("v1:"), "sealed values expected in the mxcluster row");
            String settingRow = rows.await("SELECT document FROM org_setting WHERE org_id = '" + org + "'",
                    settingMarker);
            assertFalse(settingRow.contains(settingApiToken), "clear secret stored in org_setting");
            assertFalse(settingRow.contains(MASK), "the mask was stored instead of the kept secret");
        } finally {
            put("/api/v1/orgs/" + org + "/setting", "{\"cloudshark\": null}");
            delete("/api/v1/orgs/" + org + "/mxclusters/" + id);
        }
    }

    /**
     * What the database holds. PostgreSQL: the row, over JDBC. H2 (a file the server keeps locked): the whole file
     * as text, once the marker written in the same row has reached it.
     */
    record StoredRows(String profile, Path h2File, String pgUrl) {

        static StoredRows open() {
            String profile = System.getProperty("turnstile.profile", "h2");
            String dataDir = System.getProperty("turnstile.data.dir");
            assumeTrue(dataDir != null || "postgresql".equals(profile), "turnstile.data.dir not given");
            return new StoredRows(profile, dataDir == null ? null : Path.of(dataDir, "db", "turnstile.mv.db"),
                    "jdbc:postgresql://127.0.0.1:" + System.getProperty("turnstile.pg.port", "55432") + "/turnstile");
        }

        String await(String sql, String marker) throws IOException, SQLException, InterruptedException {
            for (int i = 0; i < 60; i++) {
                String text = "postgresql".equals(profile) ? query(sql) : new String(Files.readAllBytes(h2File),
                        StandardCharsets.ISO_8859_1);
                if (text.contains(marker)) {
                    return text;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the row marked " + marker + " never reached the database");
        }

        private String query(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(pgUrl, "turnstile",
                    System.getProperty("turnstile.db.password", "turnstile-it"));
                 ResultSet rs = c.createStatement().executeQuery(sql)) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
                return out.toString();
            }
        }
    }
}
