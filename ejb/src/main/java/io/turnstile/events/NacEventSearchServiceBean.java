package io.turnstile.events;

import io.turnstile.persistence.events.NacClientRow;
import io.turnstile.persistence.events.NacEventStore;
import io.turnstile.persistence.events.NacSearchCriteria;
import io.turnstile.platform.JsonText;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class NacEventSearchServiceBean implements NacEventSearchService {

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Override
    public NacSearchResults<NacEvent> searchEvents(String orgId, NacSearchQuery q) {
        NacSearchCriteria c = q.criteria(orgId);
        try (Connection conn = dataSource.getConnection()) {
            NacEventStore store = new NacEventStore(conn);
            long total = store.countEvents(c);
            List<NacEvent> rows = q.limit() == 0 || q.offset() >= total ? List.of()
                    : store.searchEvents(c, q.limit(), q.offset()).stream().map(NacEventRows::fromRow).toList();
            return new NacSearchResults<>(rows, total, q.limit(), q.page(), q.window());
        } catch (SQLException e) {
            throw new EJBException("NAC event search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<NacEvent> eventsPage(String orgId, NacSearchQuery q) {
        if (q.limit() == 0) {
            return List.of();
        }
        try (Connection conn = dataSource.getConnection()) {
            return new NacEventStore(conn).searchEvents(q.criteria(orgId), q.limit(), q.offset()).stream()
                    .map(NacEventRows::fromRow).toList();
        } catch (SQLException e) {
            throw new EJBException("NAC event search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long countEventsUpTo(String orgId, NacSearchQuery q, long cap) {
        try (Connection conn = dataSource.getConnection()) {
            return new NacEventStore(conn).countEventsUpTo(q.criteria(orgId), cap);
        } catch (SQLException e) {
            throw new EJBException("NAC event count failed: " + e.getMessage(), e);
        }
    }

    @Override
    public NacCountResults countEvents(String orgId, NacSearchQuery q) {
        NacSearchCriteria c = q.criteria(orgId);
        try (Connection conn = dataSource.getConnection()) {
            NacEventStore store = new NacEventStore(conn);
            return counts(q, store.countEventsBy(c, q.distinctColumn(), q.limit()),
                    store.distinctEvents(c, q.distinctColumn()));
        } catch (SQLException e) {
            throw new EJBException("NAC event count failed: " + e.getMessage(), e);
        }
    }

    @Override
    public NacSearchResults<NacClientState> searchClients(String orgId, NacSearchQuery q) {
        NacSearchCriteria c = q.criteria(orgId);
        try (Connection conn = dataSource.getConnection()) {
            NacEventStore store = new NacEventStore(conn);
            long total = store.countClients(c);
            List<NacClientState> rows = q.limit() == 0 || q.offset() >= total ? List.of()
                    : store.searchClients(c, q.limit(), q.offset()).stream().map(NacEventSearchServiceBean::state)
                    .toList();
            return new NacSearchResults<>(rows, total, q.limit(), q.page(), q.window());
        } catch (SQLException e) {
            throw new EJBException("NAC client search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public NacCountResults countClients(String orgId, NacSearchQuery q) {
        NacSearchCriteria c = q.criteria(orgId);
        try (Connection conn = dataSource.getConnection()) {
            NacEventStore store = new NacEventStore(conn);
            return counts(q, store.countClientsBy(c, q.distinctColumn(), q.limit()),
                    store.distinctClients(c, q.distinctColumn()));
        } catch (SQLException e) {
            throw new EJBException("NAC client count failed: " + e.getMessage(), e);
        }
    }

    private static NacCountResults counts(NacSearchQuery q, List<NacEventStore.Count> counts, long distinct) {
        return new NacCountResults(q.distinct(), counts.stream()
                .map(x -> new NacCountResults.Bucket(x.value(), x.count())).toList(), distinct, q.limit(), q.window());
    }

    static NacClientState state(NacClientRow r) {
        return new NacClientState(r.orgId(), r.mac(), r.siteId(), r.lastType(), r.status(), r.authType(),
                r.portType(), r.username(), r.vlan(), r.role(), r.nasIp(), r.nasVendor(), r.ssid(), r.nacruleId(),
                r.nacruleName(), r.nacruleMatched(), NacEventRows.strings(r.usermacLabels()),
                Instant.ofEpochMilli(r.firstSeen()), Instant.ofEpochMilli(r.lastSeen()),
                r.lastCert() == null ? null : JsonText.parseObject(r.lastCert()));
    }
}
