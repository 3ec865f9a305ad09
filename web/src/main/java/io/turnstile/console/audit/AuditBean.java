package io.turnstile.console.audit;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.audit.AuditEntry;
import io.turnstile.audit.AuditLog;
import io.turnstile.audit.AuditPage;
import io.turnstile.audit.AuditQuery;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit log ({@code GET /orgs/{org_id}/logs}), newest first, paged on the server, filtered by message text. */
@Named("audit")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog log;

    @Inject
    ConsoleSession session;

    /** Not serializable; the view's state stays in memory (it is never passivated). */
    @Inject
    transient Clock clock;

    private String message;
    private String duration = "7d";
    private final LazyDataModel<AuditEntry> model = new Model();

    private AuditPage run(int limit, int page) {
        try {
            return log.search(session.getOrgId(), AuditQuery.parse(null, null, null, message, null, null, null,
                    duration, Integer.toString(limit), Integer.toString(page), clock));
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
            return null;
        }
    }

    private final class Model extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            AuditPage p = run(0, 1);
            return p == null ? 0 : (int) Math.min(Integer.MAX_VALUE, p.total());
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            AuditPage p = run(pageSize, first / pageSize + 1);
            return p == null ? List.of() : p.results();
        }

        @Override
        public String getRowKey(AuditEntry e) {
            return e.id();
        }
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public Instant timeOf(AuditEntry e) {
        return Instant.ofEpochMilli(e.timestampMillis());
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }
}
