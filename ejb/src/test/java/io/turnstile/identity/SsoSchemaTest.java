package io.turnstile.identity;

import io.turnstile.persistence.identity.SsoEntity;
import io.turnstile.platform.TestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V14 on H2 in PostgreSQL mode: the sso table matches its entity, and domains are unique. */
class SsoSchemaTest {

    @Test
    void entityMatchesTheTable() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect()) {
            String table = SsoEntity.class.getAnnotation(Table.class).name();
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table.toUpperCase(Locale.ROOT),
                    null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (Field f : SsoEntity.class.getDeclaredFields()) {
                Column col = f.getAnnotation(Column.class);
                if (col != null) {
                    assertTrue(columns.contains(col.name()), "sso." + col.name() + " for SsoEntity." + f.getName());
                }
            }
        }
    }

    @Test
    void domainIsUnique() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organisation (id, name, created) VALUES ('o1', 'org', 0)");
            s.execute("INSERT INTO sso (id, org_id, name, idp_type, domain, document, created, modified)"
                    + " VALUES ('s1', 'o1', 'a', 'ldap', 'd1', '{}', 0, 0)");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO sso (id, org_id, name, idp_type, domain,"
                    + " document, created, modified) VALUES ('s2', 'o1', 'b', 'ldap', 'd1', '{}', 0, 0)"));
        }
    }
}
