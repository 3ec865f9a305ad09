package io.turnstile.admin;

import java.util.List;
import java.util.Map;

/** An org's {@code ssoroles}. Writes are audited in their transaction. */
public interface SsoRoleService {

    List<SsoRole> list(String orgId, int limit, int page);

    SsoRole get(String orgId, String id);

    /** From {@code {name, privileges}}; names are unique in the org. */
    SsoRole create(String orgId, Map<String, Object> body);

    /** Changes the fields the body carries. */
    SsoRole update(String orgId, String id, Map<String, Object> body);

    void delete(String orgId, String id);
}
