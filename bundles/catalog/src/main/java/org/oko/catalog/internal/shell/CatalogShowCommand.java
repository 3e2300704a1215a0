package org.oko.catalog.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.internal.CatalogTexts;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.CatalogService;

@Command(scope = "oko", name = "catalog-show", description = "Shows one organisation of the catalog")
@Service
public class CatalogShowCommand extends CatalogCommand {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", required = true, description = "organisation code")
    private String code;

    @Override
    Object run() {
        OrganisationTable.details(out(), catalog.organisation(code)
                .orElseThrow(() -> CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.organisation-not-found", code)));
        return null;
    }
}
