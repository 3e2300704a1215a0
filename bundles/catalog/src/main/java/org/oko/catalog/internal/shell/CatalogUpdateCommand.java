package org.oko.catalog.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.internal.CatalogTexts;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;

@Command(scope = "oko", name = "catalog-update", description = "Changes fields of an organisation (only the options given)")
@Service
public class CatalogUpdateCommand extends OrganisationOptions {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", required = true, description = "organisation code")
    private String code;

    @Override
    Object run() {
        Organisation current = catalog.organisation(code)
                .orElseThrow(() -> CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.organisation-not-found", code));
        OrganisationTable.details(out(), catalog.update(applyTo(current)));
        return null;
    }
}
