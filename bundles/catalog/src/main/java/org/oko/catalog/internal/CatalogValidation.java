package org.oko.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Territory;

/** Rules every organisation and territory obeys, whichever way it arrives (REST, shell, import). */
final class CatalogValidation {

    private CatalogValidation() {
    }

    static void territory(Territory territory) {
        List<String> problems = new ArrayList<>();
        if (blank(territory.code())) {
            problems.add("не указан код");
        } else if (territory.code().length() > 32) {
            problems.add("код длиннее 32 знаков");
        }
        if (blank(territory.name())) {
            problems.add("не указано наименование");
        }
        if (territory.type() == null) {
            problems.add("не указан тип территории");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(CatalogException.Reason.INVALID, "catalog.territory-invalid", "Территория: " + String.join("; ", problems),
                    "territory: " + String.join("; ", problems));
        }
    }

    /** The problems of an organisation's own fields, in Russian; empty when it is valid. */
    static List<String> organisation(Organisation o) {
        List<String> problems = new ArrayList<>();
        if (blank(o.code())) {
            problems.add("не указан код");
        } else if (o.code().length() > 32) {
            problems.add("код длиннее 32 знаков");
        }
        if (o.kind() == null) {
            problems.add("не указан тип организации");
        }
        if (blank(o.fullName())) {
            problems.add("не указано полное наименование");
        }
        if (blank(o.shortName())) {
            problems.add("не указано краткое наименование");
        }
        if (o.kind() == OrganisationKind.SCHOOL) {
            if (o.founderType() == null) {
                problems.add("не указан тип учредителя");
            }
            // The settlement type may be unknown (a region's own list rarely has it): breakdowns by it then leave the school out.
            if ((o.founderType() == FounderType.MUNICIPAL || o.founderType() == FounderType.STATE) && blank(o.founderCode())) {
                problems.add("не указан учредитель");
            }
        }
        if ((o.kind() == OrganisationKind.SCHOOL || o.kind() == OrganisationKind.MUNICIPAL_AUTHORITY) && blank(o.territoryCode())) {
            problems.add("не указана территория");
        }
        if (o.inn() != null && !o.inn().matches("\\d{10}|\\d{12}")) {
            problems.add("ИНН должен состоять из 10 или 12 цифр");
        }
        if (o.ogrn() != null && !o.ogrn().matches("\\d{13}|\\d{15}")) {
            problems.add("ОГРН должен состоять из 13 (или 15) цифр");
        }
        if (o.status() == null) {
            problems.add("не указан статус");
        } else if (o.status() == OrganisationStatus.CLOSED && o.closedOn() == null) {
            problems.add("у закрытой организации должна быть дата закрытия");
        } else if (o.status() == OrganisationStatus.ACTIVE && (o.closedOn() != null || o.successorCode() != null)) {
            problems.add("у действующей организации не может быть даты закрытия или правопреемника");
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
