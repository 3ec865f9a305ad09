package io.turnstile.console.endpoints;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.endpoints.EndpointFields;
import io.turnstile.endpoints.EndpointPage;
import io.turnstile.endpoints.EndpointQuery;
import io.turnstile.endpoints.EndpointService;
import io.turnstile.endpoints.ImportReport;
import io.turnstile.endpoints.InvalidEndpointException;
import io.turnstile.endpoints.StoredEndpoint;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The endpoints database (usermacs): a table paged and searched on the server ({@link EndpointService#search}, as
 * {@code GET /usermacs/search}), add/edit/delete in a dialog, and CSV import whose refusal lists every bad line. The
 * changing actions declare {@code WRITE}, as their REST operations do.
 */
@Named("endpoints")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class EndpointsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EndpointService service;

    @Inject
    ConsoleSession session;

    private String searchMac;
    private Form form = new Form();
    private List<String> importErrors = List.of();
    private transient Part importFile;
    private final LazyDataModel<StoredEndpoint> model = new Model();

    /** The dialog's fields; {@code id} null for a new usermac. */
    public static final class Form implements Serializable {

        private static final long serialVersionUID = 1L;

        private String id;
        private String mac;
        private String name;
        private String labels;
        private String vlan;
        private String role;
        private String notes;

        EndpointFields fields() {
            List<String> labelList = labels == null ? List.of() : Arrays.stream(labels.split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new EndpointFields(id, mac, text(name), labelList, text(vlan), text(role), null, text(notes));
        }

        /** An empty field clears the value, as "" does in the REST API. */
        private static String text(String s) {
            return s == null ? "" : s.strip();
        }

        public String getId() {
            return id;
        }

        public String getMac() {
            return mac;
        }

        public void setMac(String mac) {
            this.mac = mac;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getLabels() {
            return labels;
        }

        public void setLabels(String labels) {
            this.labels = labels;
        }

        public String getVlan() {
            return vlan;
        }

        public void setVlan(String vlan) {
            this.vlan = vlan;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getNotes() {
            return notes;
        }

        public void setNotes(String notes) {
            this.notes = notes;
        }
    }

    private final class Model extends LazyDataModel<StoredEndpoint> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            EndpointPage p = page(1, 1);
            return p == null ? 0 : (int) Math.min(Integer.MAX_VALUE, p.total());
        }

        @Override
        public List<StoredEndpoint> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            EndpointPage p = page(pageSize, first / pageSize + 1);
            return p == null ? List.of() : p.results();
        }

        @Override
        public String getRowKey(StoredEndpoint e) {
            return e.endpoint().id();
        }
    }

    private EndpointPage page(int limit, int page) {
        try {
            return service.search(session.getOrgId(), EndpointQuery.parse(searchMac, List.of(),
                    Integer.toString(limit), Integer.toString(page), "mac"));
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
            return null;
        }
    }

    public String labels(StoredEndpoint e) {
        return String.join(", ", e.endpoint().labels());
    }

    public LazyDataModel<StoredEndpoint> getModel() {
        return model;
    }

    public void startAdd() {
        form = new Form();
    }

    @RequiresRole(ApiRole.WRITE)
    public void startEdit(StoredEndpoint e) {
        Form f = new Form();
        f.id = e.endpoint().id();
        f.mac = e.endpoint().mac();
        f.name = e.endpoint().name();
        f.labels = String.join(", ", e.endpoint().labels());
        f.vlan = e.endpoint().vlan();
        f.role = e.endpoint().role();
        f.notes = e.endpoint().notes();
        form = f;
    }

    /** Creates or updates the usermac of the dialog; the service's refusal is shown as it words it. */
    @RequiresRole(ApiRole.WRITE)
    public void save() {
        try {
            if (form.id == null) {
                service.create(session.getOrgId(), form.fields());
                ConsoleMessages.info("Added " + form.mac);
            } else {
                service.update(session.getOrgId(), form.id, form.fields());
                ConsoleMessages.info("Saved " + form.mac);
            }
            form = new Form();
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    @RequiresRole(ApiRole.WRITE)
    public void delete(StoredEndpoint e) {
        try {
            service.delete(session.getOrgId(), e.endpoint().id());
            ConsoleMessages.info("Deleted " + e.endpoint().mac());
        } catch (ResourceNotFoundException ex) {
            ConsoleMessages.error(ex.getMessage());
        }
    }

    /** CSV import (format of {@code POST /usermacs/import}): all or nothing; a refusal lists each bad line. */
    @RequiresRole(ApiRole.WRITE)
    public void importCsv() {
        importErrors = List.of();
        if (importFile == null || importFile.getSize() == 0) {
            ConsoleMessages.error("Choose a CSV file to import.");
            return;
        }
        try {
            ImportReport report = service.importCsv(session.getOrgId(), importFile.getInputStream());
            ConsoleMessages.info("Imported: " + report.added().size() + " added, " + report.updated().size()
                    + " updated");
        } catch (InvalidEndpointException e) {
            importErrors = e.errors();
            ConsoleMessages.error(e.getMessage());
        } catch (IOException e) {
            ConsoleMessages.error("The file could not be read.");
        }
    }

    public String getSearchMac() {
        return searchMac;
    }

    public void setSearchMac(String searchMac) {
        this.searchMac = searchMac;
    }

    public Form getForm() {
        return form;
    }

    public List<String> getImportErrors() {
        return importErrors;
    }

    public Part getImportFile() {
        return importFile;
    }

    public void setImportFile(Part importFile) {
        this.importFile = importFile;
    }
}
