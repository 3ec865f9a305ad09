package io.turnstile.accounting;

import io.turnstile.persistence.accounting.AcctSessionCriteria;
import io.turnstile.persistence.accounting.AcctSessionStore;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccountingSearchServiceBean implements AccountingSearchService {

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Override
    public AcctSessionPage search(String orgId, SessionQuery query) {
        AcctSessionCriteria criteria = query.criteria(orgId);
        try (Connection c = dataSource.getConnection()) {
            AcctSessionStore store = new AcctSessionStore(c);
            long total = store.count(criteria);
            return new AcctSessionPage(query.limit() == 0 || query.offset() >= total ? List.of()
                    : store.search(criteria, query.limit(), query.offset()), total, query.limit(), query.page(),
                    query.window());
        } catch (SQLException e) {
            throw new EJBException("accounting search failed: " + e.getMessage(), e);
        }
    }
}
