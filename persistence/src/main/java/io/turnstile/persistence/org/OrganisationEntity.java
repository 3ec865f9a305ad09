package io.turnstile.persistence.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code organisation} (migration V1). Its {@code id} is the org id every other table refers to. */
@Entity
@Table(name = "organisation")
public class OrganisationEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    /** Epoch milliseconds. */
    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    protected OrganisationEntity() {
    }

    public OrganisationEntity(String id, String name, long created) {
        this.id = id;
        this.name = name;
        this.created = created;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getCreated() {
        return created;
    }
}
