package org.oko.catalog.internal.shell;

import java.util.EnumSet;
import java.util.Set;

import org.apache.karaf.shell.api.action.Option;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.SettlementType;

/** Options shared by catalog-create and catalog-update: each given option replaces one field. */
abstract class OrganisationOptions extends CatalogCommand {

    @Option(name = "--kind", description = "SCHOOL (default), MUNICIPAL_AUTHORITY, MINISTRY, REGIONAL_CENTRE, OTHER")
    OrganisationKind kind;

    @Option(name = "--name", description = "full name")
    String fullName;

    @Option(name = "--short-name", description = "short name")
    String shortName;

    @Option(name = "--territory", description = "territory code")
    String territory;

    @Option(name = "--founder-type", description = "MUNICIPAL, STATE, FEDERAL, PRIVATE")
    FounderType founderType;

    @Option(name = "--founder", description = "founder organisation code")
    String founder;

    @Option(name = "--settlement", description = "CITY or RURAL")
    SettlementType settlement;

    @Option(name = "--levels", description = "education levels, e.g. NOO,OOO,SOO")
    String levels;

    @Option(name = "--inn", description = "INN, the taxpayer number")
    String inn;

    @Option(name = "--ogrn", description = "OGRN, the state registration number")
    String ogrn;

    @Option(name = "--address", description = "address")
    String address;

    @Option(name = "--parent", description = "head organisation code, for a branch")
    String parent;

    Organisation applyTo(Organisation o) {
        return new Organisation(o.code(), kind != null ? kind : o.kind(), or(fullName, o.fullName()),
                or(shortName, o.shortName()), founderType != null ? founderType : o.founderType(), or(founder, o.founderCode()),
                or(territory, o.territoryCode()), settlement != null ? settlement : o.settlementType(),
                levels != null ? parseLevels(levels) : o.levels(), or(inn, o.inn()), or(ogrn, o.ogrn()),
                or(address, o.address()), o.status(), o.closedOn(), or(parent, o.parentCode()), o.successorCode(), o.version());
    }

    private static String or(String given, String current) {
        return given != null ? (given.isBlank() ? null : given) : current;
    }

    private static Set<EducationLevel> parseLevels(String text) {
        Set<EducationLevel> result = EnumSet.noneOf(EducationLevel.class);
        for (String level : text.split("[,;\\s]+")) {
            if (!level.isBlank()) {
                result.add(EducationLevel.valueOf(level.trim().toUpperCase()));
            }
        }
        return result;
    }
}
