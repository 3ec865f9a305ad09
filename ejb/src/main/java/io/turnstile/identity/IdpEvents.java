package io.turnstile.identity;

import io.turnstile.events.NacEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The NAC events of one identity-provider call (Mist event names; the contract's event_nac_client fields
 * {@code idp_id}, {@code idp_username}, {@code idp_role} go in the facts, returned as top-level fields):
 * <ul>
 *   <li>authenticate: {@code NAC_IDP_AUTHC_SUCCESS} then {@code NAC_IDP_GROUPS_LOOKUP_SUCCESS|FAILURE}, or
 *       {@code NAC_IDP_AUTHC_FAILURE} (wrong password, or no IdP for the realm);</li>
 *   <li>lookup: {@code NAC_IDP_USER_LOOKUP_SUCCESS} then the groups event;</li>
 *   <li>both: {@code NAC_IDP_USER_LOOKUP_FAILURE} (no such user), {@code NAC_IDP_USER_DISABLED},
 *       {@code NAC_IDP_UNREACHABLE}.</li>
 * </ul>
 */
public final class IdpEvents {

    public static final String AUTHC_SUCCESS = "NAC_IDP_AUTHC_SUCCESS";
    public static final String AUTHC_FAILURE = "NAC_IDP_AUTHC_FAILURE";
    public static final String USER_LOOKUP_SUCCESS = "NAC_IDP_USER_LOOKUP_SUCCESS";
    public static final String USER_LOOKUP_FAILURE = "NAC_IDP_USER_LOOKUP_FAILURE";
    public static final String GROUPS_LOOKUP_SUCCESS = "NAC_IDP_GROUPS_LOOKUP_SUCCESS";
    public static final String GROUPS_LOOKUP_FAILURE = "NAC_IDP_GROUPS_LOOKUP_FAILURE";
    public static final String UNREACHABLE = "NAC_IDP_UNREACHABLE";
    public static final String USER_DISABLED = "NAC_IDP_USER_DISABLED";

    /** Which call produced the outcome. */
    public enum Operation { AUTHENTICATE, LOOKUP }

    private IdpEvents() {
    }

    /** The event types for an outcome, in the order they are published. */
    public static List<String> types(Operation op, IdpResult result) {
        if (result instanceof IdpResult.Authenticated a) {
            return List.of(AUTHC_SUCCESS, a.groupsResolved() ? GROUPS_LOOKUP_SUCCESS : GROUPS_LOOKUP_FAILURE);
        }
        if (result instanceof IdpResult.Found f) {
            return List.of(USER_LOOKUP_SUCCESS, f.groupsResolved() ? GROUPS_LOOKUP_SUCCESS : GROUPS_LOOKUP_FAILURE);
        }
        if (result instanceof IdpResult.InvalidCredentials) {
            return List.of(AUTHC_FAILURE);
        }
        if (result instanceof IdpResult.UserNotFound) {
            return List.of(USER_LOOKUP_FAILURE);
        }
        if (result instanceof IdpResult.UserDisabled) {
            return List.of(USER_DISABLED);
        }
        if (result instanceof IdpResult.Unreachable) {
            return List.of(UNREACHABLE);
        }
        return List.of(op == Operation.AUTHENTICATE ? AUTHC_FAILURE : USER_LOOKUP_FAILURE);
    }

    public static List<NacEvent> of(Operation op, IdpRequest request, IdpOutcome outcome, Instant at) {
        IdpResult result = outcome.result();
        List<String> groups = result instanceof IdpResult.Authenticated a ? a.groups()
                : result instanceof IdpResult.Found f ? f.groups() : List.of();
        String reason = result.reason();
        List<NacEvent> out = new ArrayList<>(2);
        for (String type : types(op, result)) {
            Map<String, Object> facts = new LinkedHashMap<>();
            if (outcome.idpId() != null) {
                facts.put("idp_id", outcome.idpId());
            }
            if (request.userName() != null) {
                facts.put("idp_username", request.userName());
            }
            if (!groups.isEmpty() && !type.equals(AUTHC_SUCCESS)) {
                facts.put("idp_role", groups);
            }
            out.add(new NacEvent(UUID.randomUUID().toString(), request.orgId(), request.siteId(), at, type,
                    request.mac(), request.userName(), request.authType(), null, request.nasIp(),
                    request.nasVendor(), request.ssid(), null, null, null, null, null, null, List.of(), List.of(),
                    reason, facts));
        }
        return out;
    }
}
