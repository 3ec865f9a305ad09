package io.turnstile.console.admins;

import io.turnstile.admin.Privilege;
import io.turnstile.admin.SsoRole;
import io.turnstile.admin.SsoRoleService;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** SSO roles ({@code /orgs/{org_id}/ssoroles}): the role names an IdP sends, mapped to a role in this org. */
@Named("ssoRoles")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.ADMIN)
public class SsoRolesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SsoRoleService service;

    @Inject
    ConsoleSession session;

    private List<SsoRole> roles;
    private String name;
    private String role = "read";
    private String editing;

    public List<SsoRole> getSsoRoles() {
        if (roles == null) {
            roles = service.list(session.getOrgId(), Paging.MAX_LIMIT, 1);
        }
        return roles;
    }

    public String privilegesOf(SsoRole r) {
        return r.privileges().stream().map(p -> p.role().wire()).collect(Collectors.joining(", "));
    }

    /** Creates the role, or saves the one being edited, as {@code POST}/{@code PUT ssoroles}. */
    public void add() {
        Map<String, Object> body = Map.of("name", name == null ? "" : name,
                "privileges", List.of(Map.of("scope", Privilege.SCOPE_ORG, "role", role)));
        try {
            if (editing == null) {
                service.create(session.getOrgId(), body);
                ConsoleMessages.info("Added " + name);
            } else {
                service.update(session.getOrgId(), editing, body);
                ConsoleMessages.info("Saved " + name);
            }
            roles = null;
            name = null;
            editing = null;
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    /** Puts the role into the form; Save then updates it. */
    public void edit(SsoRole r) {
        editing = r.id();
        name = r.name();
        role = r.privileges().stream().map(p -> p.role().wire()).findFirst().orElse("read");
    }

    public String getEditing() {
        return editing;
    }

    public void delete(SsoRole r) {
        try {
            service.delete(session.getOrgId(), r.id());
            ConsoleMessages.info("Deleted " + r.name());
            roles = null;
        } catch (ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
