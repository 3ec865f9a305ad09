package io.turnstile.console.admins;

import io.turnstile.admin.AdminAccount;
import io.turnstile.admin.AdminService;
import io.turnstile.admin.Privilege;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The org's admins ({@code /orgs/{org_id}/admins}, admin only, as the REST operations declare). */
@Named("admins")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.ADMIN)
public class AdminsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminService service;

    @Inject
    ConsoleSession session;

    private List<AdminAccount> admins;
    private String email;
    private String password;
    private String firstName;
    private String lastName;
    private String role = "read";
    private final Map<String, String> newRoles = new HashMap<>();

    public List<AdminAccount> getAdmins() {
        if (admins == null) {
            admins = service.list(session.getOrgId());
        }
        return admins;
    }

    /** The admin's role in the console's org. */
    public String roleOf(AdminAccount a) {
        return a.privileges().stream().filter(p -> p.orgId().equals(session.getOrgId())).map(Privilege::role)
                .map(ApiRole::wire).findFirst().orElse("");
    }

    public void add() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("first_name", firstName);
        body.put("last_name", lastName);
        body.put("privileges", List.of(Map.of("scope", Privilege.SCOPE_ORG, "role", role)));
        try {
            service.create(session.getOrgId(), body);
            ConsoleMessages.info("Added " + email);
            admins = null;
            email = null;
            password = null;
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    /** The role chosen in each row's selector (admin id → role), for {@link #changeRole}. */
    public Map<String, String> getNewRoles() {
        return newRoles;
    }

    /**
     * Gives the admin the role chosen in its row, as {@code PUT /admins/{id}} with {@code privileges}; the service
     * refuses to demote the org's last local admin.
     */
    public void changeRole(AdminAccount a) {
        String chosen = newRoles.get(a.id());
        if (chosen == null || chosen.isBlank() || chosen.equals(roleOf(a))) {
            return;
        }
        try {
            service.update(session.getOrgId(), a.id(),
                    Map.of("privileges", List.of(Map.of("scope", Privilege.SCOPE_ORG, "role", chosen))));
            ConsoleMessages.info(a.email() + " is now " + chosen);
            admins = null;
            newRoles.clear();
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
            newRoles.remove(a.id());
        }
    }

    public void delete(AdminAccount a) {
        try {
            service.delete(session.getOrgId(), a.id());
            ConsoleMessages.info("Removed " + a.email());
            admins = null;
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
