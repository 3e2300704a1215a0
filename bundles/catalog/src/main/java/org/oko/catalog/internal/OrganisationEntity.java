package org.oko.catalog.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.SettlementType;

/**
 * An organisation row. References to other organisations and the territory are by code: the
 * catalog checks them itself, and an import can then bring organisations in any order.
 */
@Entity
@Table(name = "OKO_ORGANISATION",
        uniqueConstraints = @UniqueConstraint(name = "UK_ORGANISATION_CODE", columnNames = "CODE"),
        indexes = {
            @Index(name = "IX_ORGANISATION_TERRITORY", columnList = "TERRITORY_CODE"),
            @Index(name = "IX_ORGANISATION_FOUNDER", columnList = "FOUNDER_CODE"),
            @Index(name = "IX_ORGANISATION_PARENT", columnList = "PARENT_CODE")
        })
public class OrganisationEntity {

    // Preallocated keys let EclipseLink batch the inserts of an import; IDENTITY would not.
    @Id
    @TableGenerator(name = "ORGANISATION_ID", table = "OKO_CATALOG_ID", pkColumnValue = "ORGANISATION", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ORGANISATION_ID")
    private Long id;

    @Column(name = "CODE", nullable = false, length = 32)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 32)
    private OrganisationKind kind;

    @Column(name = "FULL_NAME", nullable = false, length = 1000)
    private String fullName;

    @Column(name = "SHORT_NAME", nullable = false, length = 500)
    private String shortName;

    @Enumerated(EnumType.STRING)
    @Column(name = "FOUNDER_TYPE", length = 16)
    private FounderType founderType;

    @Column(name = "FOUNDER_CODE", length = 32)
    private String founderCode;

    @Column(name = "TERRITORY_CODE", length = 32)
    private String territoryCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "SETTLEMENT_TYPE", length = 8)
    private SettlementType settlementType;

    /** Education levels as "NOO,OOO,SOO". */
    @Column(name = "LEVELS", length = 32)
    private String levels;

    @Column(name = "INN", length = 12)
    private String inn;

    @Column(name = "OGRN", length = 15)
    private String ogrn;

    @Column(name = "ADDRESS", length = 1000)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 8)
    private OrganisationStatus status;

    @Column(name = "CLOSED_ON")
    private LocalDate closedOn;

    @Column(name = "PARENT_CODE", length = 32)
    private String parentCode;

    @Column(name = "SUCCESSOR_CODE", length = 32)
    private String successorCode;

    /** Code, names, address and INN, lower case, ё as е: what text search looks in. */
    @Column(name = "SEARCH_TEXT", length = 3000)
    private String searchText;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected OrganisationEntity() {
        // for JPA
    }

    OrganisationEntity(String code) {
        this.code = code;
    }

    void apply(Organisation o) {
        kind = o.kind();
        fullName = o.fullName();
        shortName = o.shortName();
        founderType = o.founderType();
        founderCode = o.founderCode();
        territoryCode = o.territoryCode();
        settlementType = o.settlementType();
        levels = o.levels().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        inn = o.inn();
        ogrn = o.ogrn();
        address = o.address();
        status = o.status();
        closedOn = o.closedOn();
        parentCode = o.parentCode();
        successorCode = o.successorCode();
        searchText = SearchText.of(code, fullName, shortName, address, inn);
    }

    Organisation toOrganisation() {
        Set<EducationLevel> levelSet = EnumSet.noneOf(EducationLevel.class);
        if (levels != null && !levels.isEmpty()) {
            for (String level : levels.split(",")) {
                levelSet.add(EducationLevel.valueOf(level));
            }
        }
        return new Organisation(code, kind, fullName, shortName, founderType, founderCode, territoryCode,
                settlementType, levelSet, inn, ogrn, address, status, closedOn, parentCode, successorCode, version);
    }

    String getCode() {
        return code;
    }

    long getVersion() {
        return version;
    }
}
