package org.oko.catalog.internal.shell;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.io.PrintStream;
import java.util.List;

import org.oko.catalog.api.Organisation;
import org.oko.catalog.internal.Dates;

/** Console rendering of organisations. */
final class OrganisationTable {

    private OrganisationTable() {
    }

    static void list(PrintStream out, List<Organisation> organisations) {
        String row = "%-10s %-6s %-10s %-9s %-8s %s%n";
        out.printf(row, (Object[]) TEXTS.ru("catalog.console.list-columns").split("\\|"));
        for (Organisation o : organisations) {
            out.printf(row, o.code(), nz(o.territoryCode()), nz(o.founderCode()),
                    o.founderType() == null ? o.kind().name() : o.founderType().name(),
                    o.status().name(), o.parentCode() == null ? o.shortName() : TEXTS.ru("catalog.console.branch", o.shortName(), o.parentCode()));
        }
    }

    static void details(PrintStream out, Organisation o) {
        line(out, TEXTS.ru("catalog.console.code"), o.code());
        line(out, TEXTS.ru("catalog.console.kind"), o.kind().label());
        line(out, TEXTS.ru("catalog.console.full-name"), o.fullName());
        line(out, TEXTS.ru("catalog.console.short-name"), o.shortName());
        line(out, TEXTS.ru("catalog.console.territory"), o.territoryCode());
        line(out, TEXTS.ru("catalog.console.founder-type"), o.founderType() == null ? null : o.founderType().label());
        line(out, TEXTS.ru("catalog.console.founder"), o.founderCode());
        line(out, TEXTS.ru("catalog.console.settlement"), o.settlementType() == null ? null : o.settlementType().label());
        line(out, TEXTS.ru("catalog.console.levels"), String.join(", ", o.levels().stream().sorted().map(l -> l.label()).toList()));
        line(out, TEXTS.ru("catalog.console.inn"), o.inn());
        line(out, TEXTS.ru("catalog.console.ogrn"), o.ogrn());
        line(out, TEXTS.ru("catalog.console.address"), o.address());
        line(out, TEXTS.ru("catalog.console.status"), o.status().label() + (o.closedOn() == null ? "" : " " + Dates.format(o.closedOn())));
        line(out, TEXTS.ru("catalog.console.parent"), o.parentCode());
        line(out, TEXTS.ru("catalog.console.successor"), o.successorCode());
        line(out, TEXTS.ru("catalog.console.version"), String.valueOf(o.version()));
    }

    private static void line(PrintStream out, String label, String value) {
        out.printf("%-22s %s%n", label + ":", nz(value));
    }

    private static String nz(String value) {
        return value == null ? "-" : value;
    }
}
