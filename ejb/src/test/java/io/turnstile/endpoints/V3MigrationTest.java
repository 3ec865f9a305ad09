package io.turnstile.endpoints;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Migration V3 (persistence module, {@code db/migration/V3__endpoints.sql}) on H2 in PostgreSQL mode, as the app runs it. */
class V3MigrationTest {

    private static final String V3 = "db/migration/V3__endpoints.sql";

    private static String url() {
        return "jdbc:h2:mem:v3-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    }

    /** Only V3, from a directory of its own: it must not need any other migration's tables. */
    @Test
    void appliesAloneAndEnforcesItsConstraints(@TempDir Path dir) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(V3)) {
            Files.copy(in, dir.resolve("V3__endpoints.sql"));
        }
        String url = url();
        var result = Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + dir).load().migrate();
        assertEquals(1, result.migrationsExecuted);
        assertEquals("3", result.targetSchemaVersion);

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO usermac (id, org_id, mac, name, vlan, role, radius_group, notes, created_time,"
                    + " modified_time) VALUES ('u1', 'org-a', '001b2c3d4e01', 'printer', '30', 'printers', 'VIP',"
                    + " 'n', 1700000000000, 1700000000000)");
            s.executeUpdate("INSERT INTO usermac (id, org_id, mac, created_time, modified_time)"
                    + " VALUES ('u2', 'org-b', '001b2c3d4e01', 1, 1)");
            s.executeUpdate("INSERT INTO usermac_label (usermac_id, label_index, org_id, label)"
                    + " VALUES ('u1', 0, 'org-a', 'it'), ('u1', 1, 'org-a', 'bldg1')");

            var duplicate = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO usermac"
                    + " (id, org_id, mac, created_time, modified_time) VALUES ('u3', 'org-a', '001b2c3d4e01', 1, 1)"));
            assertEquals("23505", duplicate.getSQLState(), "unique (org_id, mac)");
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO usermac"
                    + " (id, org_id, mac, created_time, modified_time) VALUES ('u4', 'org-a', 'aabbcc', 1, 1)"));
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO usermac_label"
                    + " (usermac_id, label_index, org_id, label) VALUES ('nope', 0, 'org-a', 'x')"), "foreign key");
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO usermac_label"
                    + " (usermac_id, label_index, org_id, label) VALUES ('u1', 2, 'org-a', 'it')"), "a label once");
            // Reordering updates label_index only; the key is the label, so swapping positions does not collide.
            s.executeUpdate("UPDATE usermac_label SET label_index = 1 WHERE usermac_id = 'u1' AND label = 'it'");
            s.executeUpdate("UPDATE usermac_label SET label_index = 0 WHERE usermac_id = 'u1' AND label = 'bldg1'");
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO usermac"
                    + " (id, org_id, mac, name, created_time, modified_time)"
                    + " VALUES ('u5', 'org-a', '001b2c3d4e05', '" + "n".repeat(65) + "', 1, 1)"));

            try (var rs = s.executeQuery("SELECT u.mac FROM usermac u WHERE u.org_id = 'org-a' AND u.id IN"
                    + " (SELECT l.usermac_id FROM usermac_label l WHERE l.org_id = 'org-a' AND l.label IN ('bldg1'))")) {
                rs.next();
                assertEquals("001b2c3d4e01", rs.getString(1));
            }
            for (String index : new String[]{"IX_USERMAC_LABEL_ORG_LABEL", "IX_USERMAC_MAC", "IX_USERMAC_ORG_NAME"}) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.indexes"
                        + " WHERE UPPER(index_name) = '" + index + "'")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), index);
                }
            }

            s.executeUpdate("DELETE FROM usermac WHERE id = 'u1'");
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM usermac_label")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "labels go with their usermac");
            }
        }
    }

    /** With the other migrations present on the classpath, up to V3: no name clashes. */
    @Test
    void appliesInTheFullChain() {
        var result = Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").target("3")
                .load().migrate();
        assertEquals("3", result.targetSchemaVersion);
    }
}
