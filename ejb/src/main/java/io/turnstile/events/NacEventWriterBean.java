package io.turnstile.events;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@link NacEventWriter} on the JTA data source, REQUIRED: called by {@link io.turnstile.events.jms.NacEventMdb} inside
 * the message delivery's transaction, so the insert and the acknowledgement commit (or roll back) together.
 */
@Stateless
public class NacEventWriterBean implements NacEventWriter {

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void writeBatch(List<NacEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            new NacEventBatchWriter(c, () -> UUID.randomUUID().toString()).write(events, clock.millis());
        } catch (SQLException e) {
            throw new EJBException("NAC events not stored: " + e.getMessage(), e);
        }
    }
}
