package org.oko.catalog.internal.shell;

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
        out.printf(row, "Код", "Терр.", "Учредит.", "Тип", "Статус", "Краткое наименование");
        for (Organisation o : organisations) {
            out.printf(row, o.code(), nz(o.territoryCode()), nz(o.founderCode()),
                    o.founderType() == null ? o.kind().name() : o.founderType().name(),
                    o.status().name(), o.shortName() + (o.parentCode() != null ? " (филиал " + o.parentCode() + ")" : ""));
        }
    }

    static void details(PrintStream out, Organisation o) {
        line(out, "Код", o.code());
        line(out, "Тип организации", o.kind().label());
        line(out, "Полное наименование", o.fullName());
        line(out, "Краткое наименование", o.shortName());
        line(out, "Территория", o.territoryCode());
        line(out, "Тип учредителя", o.founderType() == null ? null : o.founderType().label());
        line(out, "Учредитель", o.founderCode());
        line(out, "Тип местности", o.settlementType() == null ? null : o.settlementType().label());
        line(out, "Уровни образования", String.join(", ", o.levels().stream().sorted().map(l -> l.label()).toList()));
        line(out, "ИНН", o.inn());
        line(out, "ОГРН", o.ogrn());
        line(out, "Адрес", o.address());
        line(out, "Статус", o.status().label() + (o.closedOn() == null ? "" : " " + Dates.format(o.closedOn())));
        line(out, "Головная организация", o.parentCode());
        line(out, "Правопреемник", o.successorCode());
        line(out, "Версия", String.valueOf(o.version()));
    }

    private static void line(PrintStream out, String label, String value) {
        out.printf("%-22s %s%n", label + ":", nz(value));
    }

    private static String nz(String value) {
        return value == null ? "-" : value;
    }
}
