package io.turnstile.accounting;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * {@link AccountingService}: each record in its own transaction (REQUIRES_NEW), committed before {@link #record}
 * returns, so the caller answers the NAS only once the record is stored (RFC 2866 §2). A failure throws and rolls back;
 * the caller then sends no Accounting-Response and the NAS retransmits.
 */
@Stateless
public class AccountingServiceBean implements AccountingService {

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AccountingRecord record) {
        try (Connection c = dataSource.getConnection()) {
            new AccountingRecorder(c, () -> UUID.randomUUID().toString()).record(record);
        } catch (SQLException e) {
            throw new EJBException("accounting record not stored: " + e.getMessage(), e);
        }
    }
}
