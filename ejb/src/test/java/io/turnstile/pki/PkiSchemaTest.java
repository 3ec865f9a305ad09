package io.turnstile.pki;

import jakarta.persistence.PersistenceException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Migration V6 ({@code db/migration/V6__pki.sql}) after the others, on H2 in PostgreSQL mode as the app runs it. */
class PkiSchemaTest {

    String url;

    @BeforeEach
    void migrate() {
        url = "jdbc:h2:mem:pki-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        var result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        assertTrue(Integer.parseInt(result.targetSchemaVersion) >= 6, result.targetSchemaVersion);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private static void org(Statement s, String id) throws SQLException {
        s.executeUpdate("INSERT INTO organisation (id, name, created) VALUES ('" + id + "', 'Acme', 1)");
    }

    private static String ca(String id, String orgId) {
        return "INSERT INTO org_ca (id, org_id, subject, serial, cert_pem, key_sealed, not_before, not_after, created)"
                + " VALUES ('" + id + "', '" + orgId + "', 'CN=Turnstile Acme CA,O=Acme', 'ab12', '" + "C".repeat(6000)
                + "', 'v1:" + "K".repeat(4000) + "', 1, 2, 3)";
    }

    private static String server(String id, String orgId, String caId) {
        return "INSERT INTO org_server_cert (id, org_id, ca_id, server_name, serial, cert_pem, chain_pem, key_sealed,"
                + " not_before, not_after, created, modified) VALUES ('" + id + "', '" + orgId + "', '" + caId
                + "', 'auth.example.net', 'cd34', 'pem', 'pem pem', 'v1:k', 1, 2, 3, 3)";
    }

    @Test
    void pemColumnsAreTextNotLobs() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
                     + " WHERE LOWER(table_name) IN ('org_ca', 'org_server_cert')"
                     + " AND LOWER(column_name) IN ('cert_pem', 'chain_pem', 'key_sealed')")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertEquals("CHARACTER VARYING", rs.getString(3), rs.getString(1) + "." + rs.getString(2));
            }
            assertEquals(5, n);
        }
    }

    @Test
    void oneCaPerOrganisation() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            org(s, "o1");
            s.executeUpdate(ca("ca1", "o1"));
            var duplicate = assertThrows(SQLException.class, () -> s.executeUpdate(ca("ca2", "o1")));
            assertEquals(PkiStoreBean.UNIQUE_VIOLATION, duplicate.getSQLState());
            // as the JPA layer reports it: a PersistenceException with the SQLException among its causes
            assertTrue(PkiStoreBean.isUniqueViolation(new PersistenceException("flush",
                    new RuntimeException("eclipselink", duplicate))));
            // an unknown organisation is a foreign key violation, not a lost race
            var noOrg = assertThrows(SQLException.class, () -> s.executeUpdate(ca("ca3", "missing")));
            assertFalse(PkiStoreBean.isUniqueViolation(noOrg));
            try (var rs = s.executeQuery("SELECT LENGTH(cert_pem), LENGTH(key_sealed) FROM org_ca")) {
                assertTrue(rs.next());
                assertEquals(6000, rs.getInt(1));
                assertEquals(4003, rs.getInt(2));
            }
        }
    }

    @Test
    void oneServerCertificatePerOrganisationIssuedByItsCa() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            org(s, "o1");
            s.executeUpdate(ca("ca1", "o1"));
            s.executeUpdate(server("s1", "o1", "ca1"));
            var duplicate = assertThrows(SQLException.class, () -> s.executeUpdate(server("s2", "o1", "ca1")));
            assertEquals(PkiStoreBean.UNIQUE_VIOLATION, duplicate.getSQLState());
            assertThrows(SQLException.class, () -> s.executeUpdate(server("s3", "o1", "no-such-ca")));
            try (var rs = s.executeQuery("SELECT version FROM org_server_cert WHERE id = 's1'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
            // the versioned replace as EclipseLink issues it
            assertEquals(1, s.executeUpdate("UPDATE org_server_cert SET serial = 'ef56', version = 1"
                    + " WHERE id = 's1' AND version = 0"));
            assertEquals(0, s.executeUpdate("UPDATE org_server_cert SET serial = 'ffff', version = 1"
                    + " WHERE id = 's1' AND version = 0"));
        }
    }

    @Test
    void deletingTheOrganisationDeletesItsPki() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            org(s, "o1");
            s.executeUpdate(ca("ca1", "o1"));
            s.executeUpdate(server("s1", "o1", "ca1"));
            s.executeUpdate("DELETE FROM organisation WHERE id = 'o1'");
            try (var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM org_ca)"
                    + " + (SELECT COUNT(*) FROM org_server_cert)")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
