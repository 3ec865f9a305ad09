package io.turnstile.console.clients;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.events.NacClientState;
import io.turnstile.events.NacEventSearchService;
import io.turnstile.events.NacSearchQuery;
import io.turnstile.events.NacSearchResults;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** NAC clients (each endpoint's latest state), paged on the server as {@code GET /nac_clients/search}. */
@Named("nacClients")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class NacClientsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    NacEventSearchService search;

    @Inject
    ConsoleSession session;

    /** Not serializable; the view's state stays in memory (it is never passivated). */
    @Inject
    transient Clock clock;

    private String mac;
    private String status;
    private String duration = "7d";
    private final LazyDataModel<NacClientState> model = new Model();

    private NacSearchResults<NacClientState> run(int limit, int page) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "mac", mac);
        put(p, "status", status);
        put(p, "duration", duration);
        put(p, "limit", Integer.toString(limit));
        put(p, "page", Integer.toString(page));
        try {
            return search.searchClients(session.getOrgId(),
                    NacSearchQuery.parse(NacSearchQuery.Target.CLIENTS, p, false, clock));
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
            return null;
        }
    }

    private static void put(Map<String, List<String>> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, List.of(value.strip()));
        }
    }

    private final class Model extends LazyDataModel<NacClientState> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            NacSearchResults<NacClientState> r = run(0, 1);
            return r == null ? 0 : (int) Math.min(Integer.MAX_VALUE, r.total());
        }

        @Override
        public List<NacClientState> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            NacSearchResults<NacClientState> r = run(pageSize, first / pageSize + 1);
            return r == null ? List.of() : r.results();
        }

        @Override
        public String getRowKey(NacClientState c) {
            return c.mac();
        }
    }

    public LazyDataModel<NacClientState> getModel() {
        return model;
    }

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }
}
