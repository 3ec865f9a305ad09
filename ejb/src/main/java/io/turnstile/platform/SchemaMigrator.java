package io.turnstile.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Makes the database usable by this node before anything else touches it: brings the schema up to date with Flyway
 * (the same migrations, persistence module {@code db/migration}, run on H2 and PostgreSQL), then checks that this
 * node's secret key is the database's ({@link SecretKeyCheck}). Every start-up bean that reads the database depends on
 * this one, so a node with the wrong key fails its deployment here, before it seals or regenerates anything.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/turnstile")
    private DataSource dataSource;

    @Inject
    SecretBox secretBox;

    @Inject
    Clock clock;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
        checkSecretKey();
    }

    private void checkSecretKey() {
        SecretKeyCheck.Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            outcome = SecretKeyCheck.verify(c, secretBox, clock.millis());
        } catch (SQLException e) {
            throw new IllegalStateException("secret key check failed: " + e.getMessage(), e);
        } catch (SecretKeyCheck.KeyMismatchException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
        LOG.info(() -> outcome == SecretKeyCheck.Outcome.SEALED_FIRST
                ? "Secret key check: first start on this database, the check value is sealed with this node's key"
                : "Secret key check: this node's key is the database's");
    }
}
