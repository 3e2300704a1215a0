package org.oko.catalog.internal.shell;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.internal.CatalogTexts;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.internal.Dates;

@Command(scope = "oko", name = "catalog-close", description = "Closes an organisation; its past data stays addressable")
@Service
public class CatalogCloseCommand extends CatalogCommand {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", required = true, description = "organisation code")
    private String code;

    @Argument(index = 1, name = "date", required = true, description = "closing date, dd.MM.yyyy")
    private String date;

    @Option(name = "--successor", description = "code of the organisation it merged into")
    private String successor;

    @Override
    Object run() {
        Organisation current = catalog.organisation(code)
                .orElseThrow(() -> CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.organisation-not-found", code));
        LocalDate closedOn = LocalDate.parse(date, Dates.RU);
        OrganisationTable.details(out(), catalog.close(code, closedOn, successor, current.version()));
        return null;
    }
}
