package org.oko.catalog.internal.shell;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.api.CatalogTransfer;
import org.oko.catalog.api.ImportReport;
import org.oko.catalog.api.RowError;
import org.oko.catalog.api.RowOutcome;

@Command(scope = "oko", name = "catalog-import", description = "Imports organisations from XLSX or CSV: all or nothing")
@Service
public class CatalogImportCommand extends CatalogCommand {

    @Reference
    private CatalogTransfer transfer;

    @Argument(index = 0, name = "file", required = true, description = "path of the XLSX or CSV file")
    private String file;

    @Option(name = "--dry-run", description = "only check and report what would change")
    private boolean dryRun;

    @Override
    Object run() throws Exception {
        Path path = Path.of(file);
        ImportReport report;
        try (InputStream in = Files.newInputStream(path)) {
            report = transfer.importFile(path.getFileName().toString(), in, dryRun);
        }
        for (RowError error : report.errors()) {
            out().println(error.column() == null ? TEXTS.ru("catalog.console.row-error", error.row(), error.message())
                    : TEXTS.ru("catalog.console.row-column-error", error.row(), error.message(), error.column()));
        }
        for (RowOutcome outcome : report.outcomes()) {
            if (outcome.action() == RowOutcome.Action.CHANGED) {
                out().println(TEXTS.ru("catalog.console.row-changes", outcome.row(), outcome.code(),
                        String.join(", ", outcome.changedFields())));
            }
        }
        out().println(TEXTS.ru("catalog.console.import-summary", report.rows(), report.created(), report.changed(), report.unchanged(),
                report.errors().size(), TEXTS.ru(report.applied() ? "catalog.console.applied"
                        : report.dryRun() ? "catalog.console.dry-run" : "catalog.console.with-errors")));
        return null;
    }
}
