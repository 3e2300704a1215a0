package org.oko.catalog.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.Territory;

/** Writes organisations with the columns import reads, so an exported file can be edited and imported back. */
public final class CatalogFileWriter {

    /**
     * @param organisations     in the order to write
     * @param territoriesByCode for the territory name column; an unknown code leaves the name empty
     * @param out               left open
     */
    public void write(FileFormat format, List<Organisation> organisations, Map<String, Territory> territoriesByCode,
                      OutputStream out) throws IOException {
        write(format, organisations, territoriesByCode, Map.of(), out);
    }

    /** @param contactsByCode the organisations' contacts; an organisation without leaves the contacts' columns empty */
    public void write(FileFormat format, List<Organisation> organisations, Map<String, Territory> territoriesByCode,
                      Map<String, Contacts> contactsByCode, OutputStream out) throws IOException {
        List<String> header = Arrays.stream(CatalogColumns.values()).map(CatalogColumns::header).toList();
        List<List<Object>> rows = new ArrayList<>(organisations.size());
        for (Organisation organisation : organisations) {
            rows.add(cells(organisation, territoriesByCode, contactsByCode.getOrDefault(organisation.code(), Contacts.NONE)));
        }
        switch (format) {
            case XLSX -> XlsxTableWriter.write(header, rows, out);
            case CSV -> CsvTableWriter.write(header, rows, out);
            default -> throw new IllegalArgumentException("Unsupported format " + format);
        }
    }

    /** One cell per column, in column order: text, a LocalDate, or null. */
    private static List<Object> cells(Organisation o, Map<String, Territory> territoriesByCode, Contacts contacts) {
        Territory territory = o.territoryCode() == null ? null : territoriesByCode.get(o.territoryCode());
        return Arrays.asList(
                o.code(),
                Labels.format(o.kind()),
                o.fullName(),
                o.shortName(),
                o.territoryCode(),
                territory == null ? null : territory.name(),
                Labels.format(o.founderType()),
                o.founderCode(),
                Labels.format(o.settlementType()),
                Labels.formatLevels(o.levels()),
                o.inn(),
                o.ogrn(),
                o.address(),
                Labels.format(o.status()),
                o.closedOn(),
                o.parentCode(),
                o.successorCode(),
                contacts.phone(),
                contacts.email(),
                contacts.website());
    }
}
