package io.turnstile.console.radius;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.nas.MxCluster;
import io.turnstile.nas.MxClusterService;
import io.turnstile.nas.MxClusterValidator;
import io.turnstile.nas.NacClientIp;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RADIUS clients (the contract's mxclusters with {@code mist_nac.client_ips}): one row per client address with its
 * vendor and shared secret. Secrets are masked; Reveal (declared {@code ADMIN}) shows one. Add and delete declare
 * {@code WRITE}, as {@code POST}/{@code DELETE /mxclusters} do.
 */
@Named("radiusClients")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class RadiusClientsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String MASK = "••••••••";

    @Inject
    MxClusterService clusters;

    @Inject
    ConsoleSession session;

    /** One RADIUS client of a cluster, as the table shows it (secret not included: see {@link #secretOf}). */
    public record Row(String key, String clusterId, String clusterName, String address, String vendor,
                      boolean ownSecret, boolean messageAuthenticatorRequired) implements Serializable {
    }

    private final Set<String> revealed = new HashSet<>();
    private List<Row> rows;
    private String name;
    private String address;
    private String secret;
    private String vendor = "generic";
    private Row editing;

    public List<String> getVendors() {
        return MxClusterValidator.VENDORS.stream().sorted().toList();
    }

    /** The view's rows, read once per view and again after a change. */
    public List<Row> getRows() {
        if (rows != null) {
            return rows;
        }
        rows = new ArrayList<>();
        for (MxCluster c : clusters.list(session.getOrgId(), Paging.MAX_LIMIT, 1).clusters()) {
            c.mistNac().clientIps().forEach((ip, client) -> rows.add(new Row(c.id() + "|" + ip, c.id(), c.name(), ip,
                    client.vendor(), client.secret() != null, client.requiresMessageAuthenticator())));
        }
        return rows;
    }

    /** The masked secret, or the secret itself once an admin revealed it. */
    public String secretOf(Row row) {
        return revealed.contains(row.key()) ? plainSecret(row) : MASK;
    }

    @RequiresRole(ApiRole.ADMIN)
    public void reveal(Row row) {
        revealed.add(row.key());
    }

    private String plainSecret(Row row) {
        MxCluster c = clusters.get(session.getOrgId(), row.clusterId());
        NacClientIp client = c.mistNac().clientIps().get(row.address());
        return client != null && client.secret() != null ? client.secret() : c.mistNac().secret();
    }

    /** Adds a cluster holding one RADIUS client, as {@code POST /mxclusters} with that body. */
    @RequiresRole(ApiRole.WRITE)
    public void add() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("vendor", vendor);
        Map<String, Object> nac = new LinkedHashMap<>();
        nac.put("enabled", true);
        nac.put("secret", secret);
        nac.put("client_ips", Map.of(address == null ? "" : address.strip(), client));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mist_nac", nac);
        try {
            clusters.create(session.getOrgId(), body);
            ConsoleMessages.info("Added " + name);
            rows = null;
            name = null;
            address = null;
            secret = null;
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    /** Puts a row into the form; Save then changes that client (the secret field empty keeps its secret). */
    @RequiresRole(ApiRole.WRITE)
    public void startEdit(Row row) {
        editing = row;
        name = row.clusterName();
        address = row.address();
        vendor = row.vendor() == null ? "generic" : row.vendor();
        secret = null;
    }

    @RequiresRole(ApiRole.WRITE)
    public void cancelEdit() {
        editing = null;
        name = null;
        address = null;
        secret = null;
    }

    /**
     * Saves the edited client as {@code PUT /mxclusters/{id}} would: {@code mist_nac} is replaced as a whole, so the
     * body carries the cluster's other clients, ports and secret unchanged, and this client under its (new) address
     * with its vendor and, when one was typed, a new secret.
     */
    @RequiresRole(ApiRole.WRITE)
    public void save() {
        if (editing == null) {
            add();
            return;
        }
        try {
            MxCluster c = clusters.get(session.getOrgId(), editing.clusterId());
            boolean newSecret = secret != null && !secret.isEmpty();
            Map<String, Object> ips = new LinkedHashMap<>();
            c.mistNac().clientIps().forEach((ip, client) -> {
                if (ip.equals(editing.address())) {
                    Map<String, Object> edited = clientMap(client);
                    edited.put("vendor", vendor);
                    if (newSecret && client.secret() != null) {
                        edited.put("secret", secret);
                    }
                    ips.put(address == null ? "" : address.strip(), edited);
                } else {
                    ips.put(ip, clientMap(client));
                }
            });
            boolean ownSecret = c.mistNac().clientIps().get(editing.address()) != null
                    && c.mistNac().clientIps().get(editing.address()).secret() != null;
            Map<String, Object> nac = new LinkedHashMap<>();
            nac.put("enabled", c.mistNac().enabled());
            nac.put("secret", newSecret && !ownSecret ? secret : c.mistNac().secret());
            nac.put("auth_server_port", c.mistNac().authServerPort());
            nac.put("acct_server_port", c.mistNac().acctServerPort());
            nac.put("client_ips", ips);
            nac.values().removeIf(v -> v == null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("mist_nac", nac);
            clusters.update(session.getOrgId(), c.id(), body);
            ConsoleMessages.info("Saved " + name);
            rows = null;
            revealed.clear();
            cancelEdit();
        } catch (InvalidRequestException | ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    private static Map<String, Object> clientMap(NacClientIp client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("secret", client.secret());
        m.put("vendor", client.vendor());
        m.put("site_id", client.siteId());
        m.put("require_message_authenticator", client.requireMessageAuthenticator());
        m.values().removeIf(v -> v == null);
        return m;
    }

    public Row getEditing() {
        return editing;
    }

    @RequiresRole(ApiRole.WRITE)
    public void delete(Row row) {
        try {
            clusters.delete(session.getOrgId(), row.clusterId());
            ConsoleMessages.info("Deleted " + row.clusterName());
            rows = null;
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }
}
