package io.turnstile.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh database with every Flyway migration on the classpath applied: by default an in-memory H2 in PostgreSQL mode
 * (as the embedded profile runs). With {@code -Dturnstile.test.jdbc.url=jdbc:postgresql://host:port/db} (plus
 * {@code turnstile.test.jdbc.user}/{@code .password}, and the driver added with
 * {@code -Dmaven.test.additionalClasspath=...postgresql.jar}) each instance is instead a new schema in that database,
 * dropped on {@link #close()}: the same tests then check the SQL on PostgreSQL.
 */
public final class TestDatabase implements AutoCloseable {

    public final String url;
    public final String user;
    public final String password;
    public final MigrateResult migration;
    private final Connection keepAlive;
    private final String schema;

    public TestDatabase() {
        String external = System.getProperty("turnstile.test.jdbc.url");
        try {
            if (external == null || external.isBlank()) {
                schema = null;
                user = "sa";
                password = "";
                url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL";
            } else {
                schema = "t_" + UUID.randomUUID().toString().replace("-", "");
                user = System.getProperty("turnstile.test.jdbc.user", "postgres");
                password = System.getProperty("turnstile.test.jdbc.password", "");
                try (Connection c = DriverManager.getConnection(external, user, password)) {
                    c.createStatement().execute("CREATE SCHEMA " + schema);
                }
                url = external + (external.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            }
            keepAlive = DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        migration = flyway().migrate();
    }

    public Flyway flyway() {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        return (schema == null ? config : config.schemas(schema)).load();
    }

    /** A new connection, auto-commit off (as in a container transaction); the caller commits and closes it. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            keepAlive.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
        keepAlive.close();
    }
}
