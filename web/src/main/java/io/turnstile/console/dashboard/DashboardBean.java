package io.turnstile.console.dashboard;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.events.NacCountResults;
import io.turnstile.events.NacEventSearchService;
import io.turnstile.events.NacSearchQuery;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.JsonText;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: accepts and rejects of the last 24 hours in 2-hour bars, the top reject reasons and the
 * authentication types, each from {@link NacEventSearchService#countEvents} (what {@code nac_clients/events/count}
 * answers). Charts are Chart.js configurations rendered by PrimeFaces' {@code p:chart}.
 */
@Named("dashboard")
@RequestScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class DashboardBean {

    static final int BUCKETS = 12;
    static final long BUCKET_SECONDS = 7200;
    static final String PERMIT = "NAC_CLIENT_PERMIT";
    static final String DENY = "NAC_CLIENT_DENY";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    NacEventSearchService events;

    @Inject
    ConsoleSession session;

    @Inject
    Clock clock;

    private String overTime;
    private List<NacCountResults.Bucket> rejectReasons = List.of();
    private List<NacCountResults.Bucket> authTypes = List.of();
    private long accepts;
    private long rejects;

    @PostConstruct
    void load() {
        String org = session.getOrgId();
        if (org == null) {
            return;
        }
        long end = clock.instant().getEpochSecond();
        long start = end - BUCKETS * BUCKET_SECONDS;
        List<String> labels = new ArrayList<>();
        List<Long> permits = new ArrayList<>();
        List<Long> denies = new ArrayList<>();
        for (long from = start; from < end; from += BUCKET_SECONDS) {
            NacCountResults byType = events.countEvents(org, count(Map.of("distinct", "type",
                    "start", Long.toString(from), "end", Long.toString(from + BUCKET_SECONDS))));
            labels.add(HOUR.format(Instant.ofEpochSecond(from)));
            permits.add(countOf(byType, PERMIT));
            denies.add(countOf(byType, DENY));
        }
        accepts = permits.stream().mapToLong(Long::longValue).sum();
        rejects = denies.stream().mapToLong(Long::longValue).sum();
        overTime = JsonText.write(Map.of("type", "bar",
                "data", Map.of("labels", labels, "datasets", List.of(
                        dataset("Accepts", permits, "#2e7d32"), dataset("Rejects", denies, "#c62828"))),
                "options", Map.of("responsive", true, "maintainAspectRatio", false,
                        "scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true)))));
        String window = Long.toString(start);
        rejectReasons = events.countEvents(org, count(Map.of("distinct", "reason", "type", DENY, "start", window,
                "end", Long.toString(end), "limit", "10"))).results();
        authTypes = events.countEvents(org, count(Map.of("distinct", "auth_type", "start", window,
                "end", Long.toString(end), "limit", "10"))).results();
    }

    private NacSearchQuery count(Map<String, String> params) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, List.of(v)));
        return NacSearchQuery.parse(NacSearchQuery.Target.EVENTS, p, true, clock);
    }

    private static Map<String, Object> dataset(String label, List<Long> data, String color) {
        return Map.of("label", label, "data", data, "backgroundColor", color);
    }

    private static long countOf(NacCountResults results, String type) {
        return results.results().stream().filter(b -> type.equals(b.value())).mapToLong(NacCountResults.Bucket::count)
                .sum();
    }

    public String getOverTime() {
        return overTime;
    }

    public List<NacCountResults.Bucket> getRejectReasons() {
        return rejectReasons;
    }

    public List<NacCountResults.Bucket> getAuthTypes() {
        return authTypes;
    }

    public long getAccepts() {
        return accepts;
    }

    public long getRejects() {
        return rejects;
    }
}
