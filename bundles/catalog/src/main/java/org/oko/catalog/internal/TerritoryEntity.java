package org.oko.catalog.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.oko.catalog.api.Territory;
import org.oko.catalog.api.TerritoryType;

@Entity
@Table(name = "OKO_TERRITORY", uniqueConstraints = @UniqueConstraint(name = "UK_TERRITORY_CODE", columnNames = "CODE"))
public class TerritoryEntity {

    // Preallocated keys let EclipseLink batch the inserts of an import; IDENTITY would not.
    @Id
    @TableGenerator(name = "TERRITORY_ID", table = "OKO_CATALOG_ID", pkColumnValue = "TERRITORY", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "TERRITORY_ID")
    private Long id;

    @Column(name = "CODE", nullable = false, length = 32)
    private String code;

    @Column(name = "NAME", nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false, length = 32)
    private TerritoryType type;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected TerritoryEntity() {
        // for JPA
    }

    TerritoryEntity(String code) {
        this.code = code;
    }

    void apply(Territory territory) {
        this.name = territory.name();
        this.type = territory.type();
    }

    Territory toTerritory() {
        return new Territory(code, name, type, version);
    }

    String getCode() {
        return code;
    }

    long getVersion() {
        return version;
    }
}
