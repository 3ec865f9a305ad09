package io.turnstile.console.policy;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.policy.NacPolicyService;
import io.turnstile.policy.NacTag;
import io.turnstile.policy.NacTagType;
import io.turnstile.policy.PolicyDocuments;
import io.turnstile.policy.TagMatch;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels ({@code nactags}): list, create, edit, delete through {@link NacPolicyService}, the service behind
 * {@code /orgs/{org_id}/nactags}; the form builds the same JSON body a REST client sends, so validation and the audit
 * line are the service's. Changes declare {@code WRITE}, as the REST operations do.
 */
@Named("labels")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class LabelsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The body field that carries the value of each label type other than {@code match}. */
    static final Map<String, String> VALUE_FIELD = Map.of("vlan", "vlan", "egress_vlan_names", "egress_vlan_names",
            "gbp_tag", "gbp_tag", "radius_attrs", "radius_attrs", "radius_vendor_attrs", "radius_vendor_attrs",
            "radius_group", "radius_group", "session_timeout", "session_timeout", "username_attr", "username_attr",
            "redirect_nacportal_id", "nacportal_id");
    /** Types whose value is a list (one per line in the form). */
    static final List<String> LIST_TYPES = List.of("egress_vlan_names", "radius_attrs", "radius_vendor_attrs");
    /** Types whose value is a number. */
    static final List<String> NUMBER_TYPES = List.of("gbp_tag", "session_timeout");

    @Inject
    NacPolicyService policy;

    @Inject
    ConsoleSession session;

    private List<NacTag> tags;
    private Form form = new Form();

    /** The label form: one text field for single values, one text area for lists (one per line). */
    public static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private String name;
        private String type = "match";
        private String match = "client_mac";
        private String values;
        private boolean matchAll;
        private String value;

        public String getId() { return id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getMatch() { return match; }
        public void setMatch(String match) { this.match = match; }
        public String getValues() { return values; }
        public void setValues(String values) { this.values = values; }
        public boolean isMatchAll() { return matchAll; }
        public void setMatchAll(boolean matchAll) { this.matchAll = matchAll; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
    }

    public List<NacTag> getTags() {
        if (tags == null) {
            tags = policy.listTags(session.getOrgId(), null, null, null, Paging.MAX_LIMIT, 1).results();
        }
        return tags;
    }

    public List<String> getTypes() {
        return Arrays.stream(NacTagType.values()).map(NacTagType::contractName).toList();
    }

    public List<String> getMatches() {
        return Arrays.stream(TagMatch.values()).filter(TagMatch::supported).map(TagMatch::contractName).toList();
    }

    /** What the label compares or adds, in one line for the table. */
    public String describe(NacTag t) {
        Map<String, Object> m = PolicyDocuments.tagToMap(t);
        if (t.type() == NacTagType.MATCH) {
            return t.match().contractName() + (t.matchAll() ? " (all of) " : " in ") + String.join(", ", t.values());
        }
        Object v = m.get(VALUE_FIELD.get(t.type().contractName()));
        return v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                : String.valueOf(v);
    }

    @RequiresRole(ApiRole.WRITE)
    public void startAdd() {
        form = new Form();
    }

    @RequiresRole(ApiRole.WRITE)
    public void startEdit(NacTag t) {
        Form f = new Form();
        f.id = t.id();
        f.name = t.name();
        f.type = t.type().contractName();
        if (t.type() == NacTagType.MATCH) {
            f.match = t.match().contractName();
            f.values = String.join("\n", t.values());
            f.matchAll = t.matchAll();
        } else {
            Object v = PolicyDocuments.tagToMap(t).get(VALUE_FIELD.get(f.type));
            f.values = v instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList()) : null;
            f.value = v instanceof List<?> ? null : v == null ? null : String.valueOf(v);
        }
        form = f;
    }

    /** Creates or updates the label with the body {@code POST}/{@code PUT nactags} would get. */
    @RequiresRole(ApiRole.WRITE)
    public void save() {
        try {
            Map<String, Object> body = body(form);
            if (form.id == null) {
                policy.createTag(session.getOrgId(), body);
                ConsoleMessages.info("Added label " + form.name);
            } else {
                policy.updateTag(session.getOrgId(), form.id, body);
                ConsoleMessages.info("Saved label " + form.name);
            }
            tags = null;
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    @RequiresRole(ApiRole.WRITE)
    public void delete(NacTag t) {
        try {
            policy.deleteTag(session.getOrgId(), t.id());
            ConsoleMessages.info("Deleted label " + t.name());
            tags = null;
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    /**
     * The request body of a form. Fields of the other types are sent as null, which removes them on update (PUT
     * merges top-level fields), so that changing a label's type does not keep the old type's value.
     */
    static Map<String, Object> body(Form f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", f.name == null ? "" : f.name.strip());
        body.put("type", f.type);
        body.put("match", null);
        body.put("values", null);
        body.put("match_all", null);
        VALUE_FIELD.values().forEach(field -> body.put(field, null));
        if ("match".equals(f.type)) {
            body.put("match", f.match);
            body.put("values", lines(f.values));
            body.put("match_all", f.matchAll);
        } else if (LIST_TYPES.contains(f.type)) {
            body.put(VALUE_FIELD.get(f.type), lines(f.values));
        } else if (NUMBER_TYPES.contains(f.type)) {
            try {
                body.put(VALUE_FIELD.get(f.type), Long.parseLong(f.value == null ? "" : f.value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(VALUE_FIELD.get(f.type) + ": a number is required");
            }
        } else if (VALUE_FIELD.containsKey(f.type)) {
            body.put(VALUE_FIELD.get(f.type), f.value == null ? null : f.value.strip());
        }
        return body;
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Form getForm() {
        return form;
    }
}
