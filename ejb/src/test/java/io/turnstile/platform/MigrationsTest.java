package io.turnstile.platform;

import io.turnstile.persistence.nas.MxClusterEntity;
import io.turnstile.persistence.nas.NasClientEntity;
import io.turnstile.persistence.org.ApiTokenEntity;
import io.turnstile.persistence.org.OrgSettingEntity;
import io.turnstile.persistence.org.OrganisationEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Table;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applies every migration present on the classpath ({@code db/migration/V*.sql}, whoever wrote it; V3 belongs to the
 * endpoints work and may or may not exist yet) to an in-memory H2 in PostgreSQL mode, as the embedded profile runs.
 */
class MigrationsTest {

    @Test
    void everyMigrationAppliesOnH2InPostgresMode() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            Flyway flyway = db.flyway();
            MigrationInfo[] all = flyway.info().all();
            assertTrue(all.length >= 4, "V1, V2, V4 and V5 at least");
            for (MigrationInfo m : all) {
                assertEquals(MigrationState.SUCCESS, m.getState(), m.getScript());
            }
            Set<String> versions = new HashSet<>();
            for (MigrationInfo m : all) {
                versions.add(m.getVersion().getVersion());
            }
            assertTrue(versions.containsAll(List.of("1", "2", "4", "5")), versions.toString());
            assertEquals(0, flyway.info().pending().length);
            assertEquals(all.length, db.migration.migrationsExecuted);

            try (Connection c = db.connect()) {
                for (String table : List.of("organisation", "api_token", "org_setting", "mxcluster", "nas_client",
                        "acct_session", "acct_record", "nac_event", "nac_client")) {
                    assertTrue(columns(c, table).contains("org_id") || table.equals("organisation"),
                            table + " has org_id");
                }
            }
        }
    }

    @Test
    void entitiesMatchTheSchema() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect()) {
            for (Class<?> entity : List.of(OrganisationEntity.class, ApiTokenEntity.class, OrgSettingEntity.class,
                    MxClusterEntity.class, NasClientEntity.class, io.turnstile.persistence.admin.AdminEntity.class,
                    io.turnstile.persistence.admin.AdminSessionEntity.class,
                    io.turnstile.persistence.admin.SsoRoleEntity.class,
                    io.turnstile.persistence.audit.AuditLogEntity.class)) {
                String table = entity.getAnnotation(Table.class).name();
                Set<String> columns = columns(c, table);
                assertTrue(!columns.isEmpty(), "table " + table + " of " + entity.getSimpleName());
                for (Field f : entity.getDeclaredFields()) {
                    Column col = f.getAnnotation(Column.class);
                    if (col != null) {
                        assertTrue(columns.contains(col.name()), entity.getSimpleName() + "." + f.getName() + " -> "
                                + table + "." + col.name());
                    }
                }
            }
        }
    }

    @Test
    void reapplyingIsANoOp() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            assertEquals(0, db.flyway().migrate().migrationsExecuted);
        }
    }

    static Set<String> columns(Connection c, String table) throws Exception {
        Set<String> out = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getColumns(null, c.getSchema(), name, null)) {
                while (rs.next()) {
                    out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
