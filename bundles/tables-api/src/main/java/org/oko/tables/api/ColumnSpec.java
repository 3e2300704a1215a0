package org.oko.tables.api;

import java.util.List;

/**
 * A column an import reads.
 *
 * @param id       how the import names it (and how a person's mapping and the remembered mappings name it)
 * @param header   the header our templates and exports write, named in messages
 * @param required a file without this column is refused
 * @param aliases  other headers regions' own files use for it, best first
 */
public record ColumnSpec(String id, String header, boolean required, List<String> aliases) {

    public ColumnSpec {
        aliases = List.copyOf(aliases);
    }

    public static ColumnSpec of(String id, String header, boolean required, String... aliases) {
        return new ColumnSpec(id, header, required, List.of(aliases));
    }
}
