package org.oko.catalog.internal;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

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
            problems.add(TEXTS.ru("catalog.problem.code-missing"));
        } else if (territory.code().length() > 32) {
            problems.add(TEXTS.ru("catalog.problem.code-long"));
        }
        if (blank(territory.name())) {
            problems.add(TEXTS.ru("catalog.problem.name-missing"));
        }
        if (territory.type() == null) {
            problems.add(TEXTS.ru("catalog.problem.territory-type-missing"));
        }
        if (!problems.isEmpty()) {
            throw CatalogTexts.refusal(CatalogException.Reason.INVALID, "catalog.territory-invalid", String.join("; ", problems));
        }
    }

    /** The problems of an organisation's own fields, in Russian; empty when it is valid. */
    static List<String> organisation(Organisation o) {
        List<String> problems = new ArrayList<>();
        if (blank(o.code())) {
            problems.add(TEXTS.ru("catalog.problem.code-missing"));
        } else if (o.code().length() > 32) {
            problems.add(TEXTS.ru("catalog.problem.code-long"));
        }
        if (o.kind() == null) {
            problems.add(TEXTS.ru("catalog.problem.kind-missing"));
        }
        if (blank(o.fullName())) {
            problems.add(TEXTS.ru("catalog.problem.full-name-missing"));
        }
        if (blank(o.shortName())) {
            problems.add(TEXTS.ru("catalog.problem.short-name-missing"));
        }
        if (o.kind() == OrganisationKind.SCHOOL) {
            if (o.founderType() == null) {
                problems.add(TEXTS.ru("catalog.problem.founder-type-missing"));
            }
            // The settlement type may be unknown (a region's own list rarely has it): breakdowns by it then leave the school out.
            if ((o.founderType() == FounderType.MUNICIPAL || o.founderType() == FounderType.STATE) && blank(o.founderCode())) {
                problems.add(TEXTS.ru("catalog.problem.founder-missing"));
            }
        }
        if ((o.kind() == OrganisationKind.SCHOOL || o.kind() == OrganisationKind.MUNICIPAL_AUTHORITY) && blank(o.territoryCode())) {
            problems.add(TEXTS.ru("catalog.problem.territory-missing"));
        }
        if (o.inn() != null && !o.inn().matches("\\d{10}|\\d{12}")) {
            problems.add(TEXTS.ru("catalog.problem.inn"));
        }
        if (o.ogrn() != null && !o.ogrn().matches("\\d{13}|\\d{15}")) {
            problems.add(TEXTS.ru("catalog.problem.ogrn"));
        }
        if (o.status() == null) {
            problems.add(TEXTS.ru("catalog.problem.status-missing"));
        } else if (o.status() == OrganisationStatus.CLOSED && o.closedOn() == null) {
            problems.add(TEXTS.ru("catalog.problem.closed-without-date"));
        } else if (o.status() == OrganisationStatus.ACTIVE && (o.closedOn() != null || o.successorCode() != null)) {
            problems.add(TEXTS.ru("catalog.problem.active-with-closing"));
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
