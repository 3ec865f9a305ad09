package io.turnstile.audit;

import io.turnstile.admin.Caller;
import io.turnstile.admin.CurrentCaller;
import io.turnstile.persistence.audit.AuditLogEntity;
import io.turnstile.persistence.audit.AuditLogRepository;
import io.turnstile.platform.JsonText;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes audit entries in the caller's transaction ({@code MANDATORY}: a call outside a transaction is a programming
 * error and fails, rather than writing a line that could outlive a rolled-back change).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrailBean implements AuditTrail {

    /** The actor of changes made by Turnstile itself (start-up, timers). */
    static final String SYSTEM_ID = "00000000-0000-0000-0000-000000000000";
    static final String SYSTEM_NAME = "system";

    /** Longest message stored (column size). */
    static final int MAX_MESSAGE = 1024;

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Instance<CurrentCaller> current;

    @Inject
    Clock clock;

    @Override
    public void record(String orgId, String message, Object before, Object after) {
        record(currentCaller().orElse(null), orgId, message, before, after);
    }

    @Override
    public void record(Caller actor, String orgId, String message, Object before, Object after) {
        String id = actor == null ? SYSTEM_ID : actor.id();
        String name = actor == null ? SYSTEM_NAME : actor.name();
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        new AuditLogRepository(em).persist(new AuditLogEntity(UUID.randomUUID().toString(), orgId, null, id,
                name.length() > 320 ? name.substring(0, 320) : name, text, json(before), json(after), clock.millis()));
    }

    private Optional<Caller> currentCaller() {
        try {
            return current.isResolvable() ? current.get().get() : Optional.empty();
        } catch (ContextNotActiveException e) {
            return Optional.empty(); // no request: start-up or a timer
        }
    }

    private static String json(Object value) {
        Map<String, Object> doc = AuditRedaction.document(value);
        return doc == null ? null : JsonText.write(doc);
    }
}
