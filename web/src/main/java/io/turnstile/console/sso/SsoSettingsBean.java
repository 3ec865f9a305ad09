package io.turnstile.console.sso;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.identity.Sso;
import io.turnstile.identity.SsoService;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.JsonText.JsonTextException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.sso.SsoFailureLog;
import io.turnstile.sso.SsoLoginService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SSO settings ({@code ssos}): the list with each SAML SSO's SP metadata download ({@code .../metadata.xml}), its
 * refused logins with reason and received assertion ({@code .../failures}, admin: the assertions are personal data),
 * and create/edit/delete with the IdP fields (admin, as the REST operations). Secrets come masked from
 * {@link SsoService} and stay masked here; sending the mask back keeps the stored secret.
 */
@Named("ssoSettings")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class SsoSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Fields with their own input; the rest are edited as JSON. */
    static final Set<String> OWN_FIELDS = Set.of("id", "org_id", "domain", "name", "idp_type", "created_time",
            "modified_time");
    static final Duration FAILURE_WINDOW = Duration.ofDays(7);

    @Inject
    SsoService ssos;

    @Inject
    SsoLoginService logins;

    @Inject
    ConsoleSession session;

    /** Not serializable; the view's state stays in memory (it is never passivated). */
    @Inject
    transient Clock clock;

    private List<Sso> list;
    private Sso selected;
    private List<SsoFailureLog.Entry> failures;
    private String id;
    private String name;
    private String idpType = "saml";
    private String idpMetadata;
    private String settings = "{}";

    public List<Sso> getSsos() {
        if (list == null) {
            list = ssos.list(session.getOrgId(), Paging.MAX_LIMIT, 1).ssos();
        }
        return list;
    }

    public List<String> getIdpTypes() {
        return List.of("saml", "ldap", "oauth", "mxedge_proxy", "openroaming");
    }

    public String typeOf(Sso s) {
        return String.valueOf(s.fields().getOrDefault("idp_type", "saml"));
    }

    /** The SP metadata download (the REST API's {@code metadata.xml}, signed-in by the same session cookie). */
    public String metadataUrl(Sso s) {
        return "/api/v1/orgs/" + session.getOrgId() + "/ssos/" + s.id() + "/metadata.xml";
    }

    @RequiresRole(ApiRole.ADMIN)
    public void showFailures(Sso s) {
        selected = s;
        long now = clock.millis();
        failures = logins.failures(session.getOrgId(), s.id(), now - FAILURE_WINDOW.toMillis(), now,
                Paging.MAX_LIMIT, 1).orElse(List.of());
    }

    public Sso getSelected() {
        return selected;
    }

    public List<SsoFailureLog.Entry> getFailures() {
        return failures == null ? List.of() : failures;
    }

    public Instant timeOf(SsoFailureLog.Entry e) {
        return Instant.ofEpochMilli((long) (e.timestamp() * 1000));
    }

    @RequiresRole(ApiRole.ADMIN)
    public void startAdd() {
        id = null;
        name = null;
        idpType = "saml";
        idpMetadata = null;
        settings = "{}";
    }

    /** Fills the form from the stored entry; secrets stay as the service masks them. */
    @RequiresRole(ApiRole.ADMIN)
    public void startEdit(Sso s) {
        id = s.id();
        name = String.valueOf(s.fields().getOrDefault("name", ""));
        idpType = typeOf(s);
        idpMetadata = null;
        Map<String, Object> rest = new LinkedHashMap<>(s.fields());
        rest.keySet().removeAll(OWN_FIELDS);
        settings = JsonText.write(rest);
    }

    /** Creates or updates the entry with the body {@code POST}/{@code PUT ssos} would get. */
    @RequiresRole(ApiRole.ADMIN)
    public void save() {
        try {
            Map<String, Object> body = new LinkedHashMap<>(settings == null || settings.isBlank() ? Map.of()
                    : JsonText.parseObject(settings));
            body.put("name", name);
            body.put("idp_type", idpType);
            if (idpMetadata != null && !idpMetadata.isBlank()) {
                body.put(SsoService.IDP_METADATA, idpMetadata);
            }
            if (id == null) {
                ssos.create(session.getOrgId(), body);
                ConsoleMessages.info("Added SSO " + name);
            } else {
                ssos.update(session.getOrgId(), id, body);
                ConsoleMessages.info("Saved SSO " + name);
            }
            list = null;
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        } catch (JsonTextException e) {
            ConsoleMessages.error("Other settings: not a JSON object (" + e.getMessage() + ")");
        }
    }

    @RequiresRole(ApiRole.ADMIN)
    public void delete(Sso s) {
        try {
            ssos.delete(session.getOrgId(), s.id());
            ConsoleMessages.info("Deleted SSO " + s.fields().get("name"));
            list = null;
            if (selected != null && selected.id().equals(s.id())) {
                selected = null;
                failures = null;
            }
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdpType() {
        return idpType;
    }

    public void setIdpType(String idpType) {
        this.idpType = idpType;
    }

    public String getIdpMetadata() {
        return idpMetadata;
    }

    public void setIdpMetadata(String idpMetadata) {
        this.idpMetadata = idpMetadata;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }
}
