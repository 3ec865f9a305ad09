package io.turnstile.persistence.endpoints;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * A row of {@code usermac_label}: one label of a usermac, at its position in the usermac's list. Written and read only
 * through {@link UsermacRepository} (no JPA relationship: the labels of many usermacs are loaded with one query).
 */
@Entity
@Table(name = "usermac_label")
@IdClass(UsermacLabelEntity.Key.class)
public class UsermacLabelEntity {

    /** Primary key: (usermac_id, label). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String usermacId;
        private String label;

        public Key() {
        }

        public Key(String usermacId, String label) {
            this.usermacId = usermacId;
            this.label = label;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(usermacId, k.usermacId) && Objects.equals(label, k.label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(usermacId, label);
        }
    }

    @Id
    @Column(name = "usermac_id", length = 36)
    private String usermacId;

    @Id
    @Column(name = "label", length = 32)
    private String label;

    @Column(name = "label_index", nullable = false)
    private int labelIndex;

    @Column(name = "org_id", nullable = false, length = 36)
    private String orgId;

    protected UsermacLabelEntity() {
    }

    public UsermacLabelEntity(String usermacId, String orgId, String label, int labelIndex) {
        this.usermacId = usermacId;
        this.orgId = orgId;
        this.label = label;
        this.labelIndex = labelIndex;
    }

    public String getUsermacId() {
        return usermacId;
    }

    public String getLabel() {
        return label;
    }

    public int getLabelIndex() {
        return labelIndex;
    }

    public String getOrgId() {
        return orgId;
    }
}
