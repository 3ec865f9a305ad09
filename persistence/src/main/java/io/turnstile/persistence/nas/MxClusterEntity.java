package io.turnstile.persistence.nas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code mxcluster} (migration V2). The {@code mist_nac} fields are columns; its {@code client_ips} are rows
 * of {@code nas_client}; every other field of the contract's mxcluster is kept in {@code extra} as a JSON object.
 */
@Entity
@Table(name = "mxcluster")
public class MxClusterEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "site_id", length = 36)
    private String siteId;

    @Column(name = "nac_enabled", nullable = false)
    private boolean nacEnabled;

    /** Cluster-wide shared secret, SecretBox text. */
    @Column(name = "nac_secret", length = 512)
    private String nacSecret;

    @Column(name = "auth_server_port")
    private Integer authServerPort;

    @Column(name = "acct_server_port")
    private Integer acctServerPort;

    /** JSON object text, or null. */
    @Column(name = "extra")
    private String extra;

    /** Epoch milliseconds. */
    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    /** Epoch milliseconds. */
    @Column(name = "modified", nullable = false)
    private long modified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MxClusterEntity() {
    }

    public MxClusterEntity(String id, String orgId, long created) {
        this.id = id;
        this.orgId = orgId;
        this.created = created;
        this.modified = created;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public boolean isNacEnabled() {
        return nacEnabled;
    }

    public void setNacEnabled(boolean nacEnabled) {
        this.nacEnabled = nacEnabled;
    }

    public String getNacSecret() {
        return nacSecret;
    }

    public void setNacSecret(String nacSecret) {
        this.nacSecret = nacSecret;
    }

    public Integer getAuthServerPort() {
        return authServerPort;
    }

    public void setAuthServerPort(Integer authServerPort) {
        this.authServerPort = authServerPort;
    }

    public Integer getAcctServerPort() {
        return acctServerPort;
    }

    public void setAcctServerPort(Integer acctServerPort) {
        this.acctServerPort = acctServerPort;
    }

    public String getExtra() {
        return extra;
    }

    public void setExtra(String extra) {
        this.extra = extra;
    }

    public long getCreated() {
        return created;
    }

    public long getModified() {
        return modified;
    }

    public void setModified(long modified) {
        this.modified = modified;
    }

    @Override
    public String toString() {
        return "MxClusterEntity[id=" + id + ", orgId=" + orgId + ", name=" + name + ", nacEnabled=" + nacEnabled + "]";
    }
}
