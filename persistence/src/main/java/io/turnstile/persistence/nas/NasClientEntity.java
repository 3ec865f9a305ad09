package io.turnstile.persistence.nas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code nas_client} (migration V2): one key of an mxcluster's {@code mist_nac.client_ips}. Deliberately no
 * JPA relationship to {@link MxClusterEntity}: the repository replaces a cluster's clients with an explicit delete
 * before the inserts, so a PUT that keeps an address never trips the (org_id, address) unique constraint.
 */
@Entity
@Table(name = "nas_client")
public class NasClientEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "mxcluster_id", nullable = false, updatable = false, length = 36)
    private String mxclusterId;

    /** Normalized IP address or CIDR. */
    @Column(name = "address", nullable = false, length = 64)
    private String address;

    /** Per-client shared secret, SecretBox text, or null to use the cluster's. */
    @Column(name = "secret", length = 512)
    private String secret;

    @Column(name = "vendor", length = 32)
    private String vendor;

    @Column(name = "site_id", length = 36)
    private String siteId;

    /** Null when not given (which Turnstile treats as true). */
    @Column(name = "require_message_authenticator")
    private Boolean requireMessageAuthenticator;

    protected NasClientEntity() {
    }

    public NasClientEntity(String id, String orgId, String mxclusterId, String address, String secret, String vendor,
                           String siteId, Boolean requireMessageAuthenticator) {
        this.id = id;
        this.orgId = orgId;
        this.mxclusterId = mxclusterId;
        this.address = address;
        this.secret = secret;
        this.vendor = vendor;
        this.siteId = siteId;
        this.requireMessageAuthenticator = requireMessageAuthenticator;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getMxclusterId() {
        return mxclusterId;
    }

    public String getAddress() {
        return address;
    }

    public String getSecret() {
        return secret;
    }

    public String getVendor() {
        return vendor;
    }

    public String getSiteId() {
        return siteId;
    }

    public Boolean getRequireMessageAuthenticator() {
        return requireMessageAuthenticator;
    }

    @Override
    public String toString() {
        return "NasClientEntity[id=" + id + ", mxclusterId=" + mxclusterId + ", address=" + address + ", secret="
                + (secret == null ? "null" : "<redacted>") + "]";
    }
}
