package io.turnstile.console.policy;

import io.turnstile.api.policy.PolicyTestJson;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.policy.AuthType;
import io.turnstile.policy.NacPolicyService;
import io.turnstile.policy.NacRule;
import io.turnstile.policy.NacTag;
import io.turnstile.policy.PolicyExplainer;
import io.turnstile.policy.PortType;
import io.turnstile.policy.RuleConditions;
import io.turnstile.policy.RuleHitService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rules ({@code nacrules}) in evaluation order with their hit counts ({@link RuleHitService}, as
 * {@code GET nacrules} returns them), create/edit/delete, enable/disable and reorder through
 * {@link NacPolicyService}, and the policy test form ({@link PolicyExplainer}, the service behind
 * {@code POST nacrules/test}, with the REST API's own fact parsing and result shape). Changes declare {@code WRITE};
 * reading and the test (which records nothing) declare {@code READ}, as the REST operations do.
 */
@Named("rules")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class RulesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    NacPolicyService policy;

    @Inject
    RuleHitService hitService;

    @Inject
    PolicyExplainer explainer;

    @Inject
    ConsoleSession session;

    private List<NacRule> rules;
    private Map<String, String> tagNames;
    private Map<String, Map<String, Long>> hits;
    private Form form = new Form();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private Map<String, Object> testResult;

    /** The rule form; label lists hold label ids. */
    public static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private String name;
        private int order;
        private String action = "allow";
        private boolean enabled = true;
        private String authType;
        private List<String> portTypes = new ArrayList<>();
        private List<String> matching = new ArrayList<>();
        private List<String> notMatching = new ArrayList<>();
        private List<String> applyTags = new ArrayList<>();

        public String getId() { return id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public int getOrder() { return order; }
        public void setOrder(int order) { this.order = order; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getAuthType() { return authType; }
        public void setAuthType(String authType) { this.authType = authType; }
        public List<String> getPortTypes() { return portTypes; }
        public void setPortTypes(List<String> portTypes) { this.portTypes = portTypes; }
        public List<String> getMatching() { return matching; }
        public void setMatching(List<String> matching) { this.matching = matching; }
        public List<String> getNotMatching() { return notMatching; }
        public void setNotMatching(List<String> notMatching) { this.notMatching = notMatching; }
        public List<String> getApplyTags() { return applyTags; }
        public void setApplyTags(List<String> applyTags) { this.applyTags = applyTags; }
    }

    public List<NacRule> getRules() {
        if (rules == null) {
            rules = policy.listRules(session.getOrgId(), Paging.MAX_LIMIT, 1).results();
        }
        return rules;
    }

    /** Label id → name, for the selectors and the table. */
    public Map<String, String> getTagNames() {
        if (tagNames == null) {
            tagNames = policy.listTags(session.getOrgId(), null, null, null, Paging.MAX_LIMIT, 1).results().stream()
                    .collect(Collectors.toMap(NacTag::id, NacTag::name, (a, b) -> a, LinkedHashMap::new));
        }
        return tagNames;
    }

    /** Label name → id, as {@code f:selectItems} wants it. */
    public Map<String, String> getTagChoices() {
        return getTagNames().entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey,
                (a, b) -> a, LinkedHashMap::new));
    }

    public List<String> getAuthTypes() {
        return Arrays.stream(AuthType.values()).map(AuthType::contractName).toList();
    }

    /** How often the rule decided in {@code window} ({@code last_60m}, {@code last_24h}, {@code last_7d}...). */
    public long hits(NacRule r, String window) {
        if (hits == null) {
            hits = hitService.hits(session.getOrgId(), ZoneOffset.UTC, null, null);
        }
        return hits.getOrDefault(window, Map.of()).getOrDefault(r.id(), 0L);
    }

    /** The rule's conditions in one line, with label names. */
    public String describe(NacRule r) {
        List<String> parts = new ArrayList<>();
        conditions(r.matching(), "", parts);
        conditions(r.notMatching(), "not ", parts);
        String when = parts.isEmpty() ? "any request" : String.join(" and ", parts);
        return r.applyTags().isEmpty() ? when : when + " → " + names(r.applyTags());
    }

    private void conditions(RuleConditions c, String prefix, List<String> parts) {
        if (c.authType() != null) {
            parts.add(prefix + c.authType().contractName());
        }
        if (!c.portTypes().isEmpty()) {
            parts.add(prefix + c.portTypes().stream().map(PortType::contractName).collect(Collectors.joining("/")));
        }
        if (!c.nactags().isEmpty()) {
            parts.add(prefix + names(c.nactags()));
        }
    }

    private String names(List<String> ids) {
        return ids.stream().map(id -> getTagNames().getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    @RequiresRole(ApiRole.WRITE)
    public void startAdd() {
        form = new Form();
        form.order = getRules().stream().mapToInt(NacRule::order).max().orElse(0) + 10;
    }

    @RequiresRole(ApiRole.WRITE)
    public void startEdit(NacRule r) {
        Form f = new Form();
        f.id = r.id();
        f.name = r.name();
        f.order = r.order();
        f.action = r.action().contractName();
        f.enabled = r.enabled();
        f.authType = r.matching().authType() == null ? null : r.matching().authType().contractName();
        f.portTypes = new ArrayList<>(r.matching().portTypes().stream().map(PortType::contractName).toList());
        f.matching = new ArrayList<>(r.matching().nactags());
        f.notMatching = new ArrayList<>(r.notMatching().nactags());
        f.applyTags = new ArrayList<>(r.applyTags());
        form = f;
    }

    /** Creates or updates the rule with the body {@code POST}/{@code PUT nacrules} would get. */
    @RequiresRole(ApiRole.WRITE)
    public void save() {
        Map<String, Object> matching = new LinkedHashMap<>();
        if (form.authType != null && !form.authType.isBlank()) {
            matching.put("auth_type", form.authType);
        }
        matching.put("port_types", form.portTypes);
        matching.put("nactags", form.matching);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.name == null ? "" : form.name);
        body.put("order", form.order);
        body.put("action", form.action);
        body.put("enabled", form.enabled);
        body.put("matching", matching);
        body.put("not_matching", Map.of("nactags", form.notMatching));
        body.put("apply_tags", "block".equals(form.action) ? List.of() : form.applyTags);
        change(() -> form.id == null ? policy.createRule(session.getOrgId(), body)
                : policy.updateRule(session.getOrgId(), form.id, body), (form.id == null ? "Added" : "Saved")
                + " rule " + form.name);
    }

    @RequiresRole(ApiRole.WRITE)
    public void toggle(NacRule r) {
        change(() -> policy.updateRule(session.getOrgId(), r.id(), Map.of("enabled", !r.enabled())),
                (r.enabled() ? "Disabled " : "Enabled ") + r.name());
    }

    @RequiresRole(ApiRole.WRITE)
    public void delete(NacRule r) {
        change(() -> {
            policy.deleteRule(session.getOrgId(), r.id());
            return null;
        }, "Deleted rule " + r.name());
    }

    /**
     * Moves a rule one place up ({@code -1}) or down ({@code +1}) in evaluation order by giving the two rules each
     * other's {@code order} (or, when they share one, the neighbour's order ∓ 1), as a REST client would with two PUTs.
     */
    @RequiresRole(ApiRole.WRITE)
    public void move(NacRule r, int direction) {
        List<NacRule> all = getRules();
        int i = all.indexOf(r);
        int j = i + direction;
        if (i < 0 || j < 0 || j >= all.size()) {
            return;
        }
        NacRule other = all.get(j);
        int mine = other.order() != r.order() ? other.order() : Math.max(0, other.order() + direction);
        int theirs = other.order() != r.order() ? r.order() : other.order();
        change(() -> {
            policy.updateRule(session.getOrgId(), other.id(), Map.of("order", theirs));
            return policy.updateRule(session.getOrgId(), r.id(), Map.of("order", mine));
        }, "Moved " + r.name());
    }

    private void change(java.util.function.Supplier<Object> action, String done) {
        try {
            action.get();
            ConsoleMessages.info(done);
            rules = null;
            hits = null;
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ policy test

    /** The test form's facts by contract name ({@code mac}, {@code username}, {@code cert_cn}...). */
    public Map<String, String> getFacts() {
        return facts;
    }

    /** Evaluates the facts against the org's current policy, as {@code POST nacrules/test}; records nothing. */
    public void test() {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> cert = new LinkedHashMap<>();
        facts.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                return;
            }
            String value = v.strip();
            switch (k) {
                case "idp_role" -> body.put(k, Arrays.stream(value.split(",")).map(String::strip).toList());
                case "ingress_vlan" -> body.put(k, parseNumber(k, value));
                case "cert_cn" -> cert.put("cn", value);
                case "cert_issuer" -> cert.put("issuer", value);
                case "cert_san_upn" -> cert.put("san_upn", List.of(value));
                default -> body.put(k, value);
            }
        });
        if (!cert.isEmpty()) {
            body.put("cert", cert);
        }
        try {
            var parsed = PolicyTestJson.facts(session.getOrgId(), body);
            testResult = PolicyTestJson.result(explainer.explain(parsed), parsed.nasVendor());
        } catch (WebApplicationException | InvalidRequestException e) {
            testResult = null;
            ConsoleMessages.error(e.getMessage());
        }
    }

    private static Object parseNumber(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return value; // PolicyTestJson answers "a number is required"
        }
    }

    public Map<String, Object> getTestResult() {
        return testResult;
    }

    /** The evaluated rules of the last test, each with its outcome and first failed condition. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getTestTrace() {
        return testResult == null ? List.of() : (List<Map<String, Object>>) testResult.get("rules");
    }

    public Form getForm() {
        return form;
    }
}
