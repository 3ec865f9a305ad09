package io.turnstile.console.events;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.events.NacEvent;
import io.turnstile.events.NacEventSearchService;
import io.turnstile.events.NacSearchQuery;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * NAC events: filters, a time range, a table paged on the server ({@link NacEventSearchService#searchEvents}, exactly
 * as {@code GET /nac_clients/events/search} with the same parameters) and a detail view with every fact and reply
 * attribute of one event.
 */
@Named("events")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class EventsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most events a page counts exactly; beyond it the page says "10,000+". */
    static final int COUNT_CAP = 10_000;

    @Inject
    NacEventSearchService search;

    @Inject
    ConsoleSession session;

    /** Not serializable; the view's state stays in memory (it is never passivated). */
    @Inject
    transient Clock clock;

    private String type;
    private String mac;
    private String username;
    private String authType;
    private String duration = "1d";
    private NacEvent selected;
    private long total;
    private final LazyDataModel<NacEvent> model = new Model();

    /** The search parameters as the REST API names them. */
    Map<String, List<String>> params(int limit, int page) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "type", type);
        put(p, "mac", mac);
        put(p, "username", username);
        put(p, "auth_type", authType);
        put(p, "duration", duration);
        put(p, "limit", Integer.toString(limit));
        put(p, "page", Integer.toString(page));
        return p;
    }

    private static void put(Map<String, List<String>> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, List.of(value.strip()));
        }
    }

    private NacSearchQuery query(int limit, int page) {
        try {
            return NacSearchQuery.parse(NacSearchQuery.Target.EVENTS, params(limit, page), false, clock);
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
            return null;
        }
    }

    /**
     * Paged on the server with one capped count per render: PrimeFaces asks {@link Model#count} once (up to
     * {@link #COUNT_CAP} + 1 matches, so the database stops early in a window of a million events) and
     * {@link Model#load} for the rows only. Pages beyond the cap are reached by narrowing the filters.
     */
    private final class Model extends LazyDataModel<NacEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            NacSearchQuery q = query(0, 1);
            total = q == null ? 0 : search.countEventsUpTo(session.getOrgId(), q, COUNT_CAP + 1);
            return (int) total;
        }

        @Override
        public List<NacEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            NacSearchQuery q = query(pageSize, first / pageSize + 1);
            return q == null ? List.of() : search.eventsPage(session.getOrgId(), q);
        }

        @Override
        public String getRowKey(NacEvent event) {
            return event.id();
        }
    }

    /** The number of matching events as the page shows it: exact up to the cap, then "10,000+". */
    public String getTotalText() {
        return total > COUNT_CAP ? String.format(Locale.ROOT, "%,d+", COUNT_CAP)
                : String.format(Locale.ROOT, "%,d", total);
    }

    public LazyDataModel<NacEvent> getModel() {
        return model;
    }

    public void show(NacEvent event) {
        this.selected = event;
    }

    public NacEvent getSelected() {
        return selected;
    }

    /** Every field of the selected event with its facts, sorted by name, for the detail view. */
    public List<Map.Entry<String, Object>> getSelectedFacts() {
        if (selected == null) {
            return List.of();
        }
        Map<String, Object> all = new TreeMap<>();
        all.put("id", selected.id());
        all.put("timestamp", selected.timestamp());
        all.put("type", selected.type());
        all.put("mac", selected.mac());
        all.put("username", selected.username());
        all.put("auth_type", selected.authType());
        all.put("port_type", selected.portType());
        all.put("nas_ip", selected.nasIp());
        all.put("nas_vendor", selected.nasVendor());
        all.put("ssid", selected.ssid());
        all.put("site_id", selected.siteId());
        all.put("vlan", selected.vlan());
        all.put("vlan_source", selected.vlanSource());
        all.put("role", selected.role());
        all.put("nacrule_id", selected.nacruleId());
        all.put("nacrule_name", selected.nacruleName());
        all.put("nacrule_matched", selected.nacruleMatched());
        all.put("usermac_label", selected.usermacLabels());
        all.put("reason", selected.reason());
        all.putAll(selected.facts());
        all.values().removeIf(v -> v == null);
        return new ArrayList<>(all.entrySet());
    }

    public List<String> getSelectedReplyAttributes() {
        return selected == null ? List.of() : selected.respAttrs();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getAuthType() {
        return authType;
    }

    public void setAuthType(String authType) {
        this.authType = authType;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }
}
