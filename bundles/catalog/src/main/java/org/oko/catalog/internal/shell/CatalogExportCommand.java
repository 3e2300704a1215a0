package org.oko.catalog.internal.shell;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.api.CatalogTransfer;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.OrganisationFilter;

@Command(scope = "oko", name = "catalog-export", description = "Exports the catalog to XLSX or CSV (by the file extension)")
@Service
public class CatalogExportCommand extends CatalogCommand {

    @Reference
    private CatalogTransfer transfer;

    @Argument(index = 0, name = "file", required = true, description = "target file, *.xlsx or *.csv")
    private String file;

    @Override
    Object run() throws Exception {
        Path path = Path.of(file);
        FileFormat format = path.toString().toLowerCase().endsWith(".csv") ? FileFormat.CSV : FileFormat.XLSX;
        try (OutputStream out = Files.newOutputStream(path)) {
            transfer.export(format, OrganisationFilter.ALL, out);
        }
        out().println(TEXTS.ru("catalog.console.exported", path.toAbsolutePath()));
        return null;
    }
}
