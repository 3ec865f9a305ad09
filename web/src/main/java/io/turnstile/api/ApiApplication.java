package io.turnstile.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST API: the NAC subset of the Mist API (shared contract), under {@code /api/v1}. The OpenAPI document Turnstile
 * serves at {@code /openapi} lists what is implemented; operations tagged or described "Turnstile extension" are
 * additions to the contract that do not change any contract operation.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Turnstile NAC API", version = "0.1",
        description = "The NAC subset of the Mist API (paths, fields and enums as in Mist), authenticated with "
                + "'Authorization: Token <key>'. Turnstile extensions: the 'role' field of usermacs, "
                + "accounting/sessions/search, cert/issue_client, the 'radsec' org setting, mist_nac.ocsp, vendors hpe and arista, "
                + "and require_message_authenticator defaulting to true (BlastRADIUS), "
                + "/orgs/{org_id}/admins (local admins), ldap_account_disabled_attr of ssos; nacrules: 'hits' per rule, "
                + "'dryrun' rules, POST nacrules/test, and the implicit default rule when an org has no rules "
                + "(MAB allowed for known endpoints with their VLAN/role/name, successful EAP allowed without VLAN). "
                + "Console and API also accept the session cookie of POST /login; with it, changes need the "
                + "X-CSRFToken header. Secrets of mxclusters and the org setting (shared secrets, keys, passwords, "
                + "tokens) are answered as '********'; sending '********' back keeps the stored secret.",
        license = @License(name = "MIT (contract)")))
public class ApiApplication extends Application {
}
