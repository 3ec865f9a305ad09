package io.turnstile.console.admins;

import io.turnstile.admin.Privilege;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.org.CreatedToken;
import io.turnstile.org.OrgApiToken;
import io.turnstile.org.TokenService;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;

/**
 * Org API tokens ({@code /orgs/{org_id}/apitokens}). The key of a new token is shown once, in the answer to its
 * creation (this bean is request-scoped: the key is gone with that response); the list never shows keys.
 */
@Named("apiTokens")
@RequestScoped
@ConsoleAction
@RequiresRole(ApiRole.ADMIN)
public class ApiTokensBean {

    @Inject
    TokenService service;

    @Inject
    ConsoleSession session;

    private List<OrgApiToken> tokens;
    private String name;
    private String role = "read";
    private String createdKey;

    public List<OrgApiToken> getTokens() {
        if (tokens == null) {
            tokens = service.list(session.getOrgId());
        }
        return tokens;
    }

    public void create() {
        try {
            CreatedToken created = service.create(session.getOrgId(), Map.of("name", name == null ? "" : name,
                    "privileges", List.of(Map.of("scope", Privilege.SCOPE_ORG, "role", role))));
            createdKey = created.key();
            ConsoleMessages.info("Created " + created.token().name() + ": copy the key now, it is not shown again");
            tokens = null;
            name = null;
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public void delete(String tokenId) {
        try {
            service.delete(session.getOrgId(), tokenId);
            ConsoleMessages.info("Deleted the API token");
            tokens = null;
        } catch (ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public String getCreatedKey() {
        return createdKey;
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
