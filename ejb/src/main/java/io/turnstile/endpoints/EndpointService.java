package io.turnstile.endpoints;

import java.io.InputStream;
import java.util.List;

/**
 * The endpoints database ({@code usermacs} in the contract) of an org. Every method works within {@code orgId} only;
 * an id of another org is "not found". Invalid input throws {@link InvalidEndpointException} (HTTP 400), an unknown id
 * {@link io.turnstile.platform.ResourceNotFoundException} (HTTP 404). Every write fires {@link EndpointsChanged} for
 * the org.
 */
public interface EndpointService {

    /** Adds a usermac; its mac must be valid, not locally administered and new in the org. */
    StoredEndpoint create(String orgId, EndpointFields fields);

    StoredEndpoint get(String orgId, String id);

    /** Changes the fields {@code fields} carries (see {@link EndpointFields}) and leaves the others. */
    StoredEndpoint update(String orgId, String id, EndpointFields fields);

    void delete(String orgId, String id);

    /** Deletes the usermacs with these ids; ids not in the org are ignored. */
    void deleteMany(String orgId, List<String> ids);

    /**
     * Updates each item (named by its {@code id}) like {@link #update}; items that cannot be applied are reported in
     * {@link BulkUpdate#errors()} and the others are applied.
     */
    BulkUpdate updateMany(String orgId, List<EndpointFields> items);

    EndpointPage search(String orgId, EndpointQuery query);

    /**
     * Imports usermacs given as a list, all or nothing: if any item is bad nothing is written (see
     * {@link EndpointImport}); otherwise existing macs are updated and new ones added in one transaction.
     */
    ImportReport importList(String orgId, List<EndpointFields> items);

    /** Like {@link #importList}, from a CSV file (format in {@link UsermacCsv}); closes the stream. */
    ImportReport importCsv(String orgId, InputStream csv);
}
