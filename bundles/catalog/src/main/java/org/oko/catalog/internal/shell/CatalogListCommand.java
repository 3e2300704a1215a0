package org.oko.catalog.internal.shell;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Page;
import org.oko.catalog.api.Organisation;

@Command(scope = "oko", name = "catalog-list", description = "Lists organisations of the catalog with filters and paging")
@Service
public class CatalogListCommand extends CatalogCommand {

    @Reference
    private CatalogService catalog;

    @Option(name = "-t", aliases = "--territory", description = "territory code")
    private String territory;

    @Option(name = "-f", aliases = "--founder", description = "founder organisation code")
    private String founder;

    @Option(name = "--founder-type", description = "MUNICIPAL, STATE, FEDERAL, PRIVATE")
    private FounderType founderType;

    @Option(name = "-s", aliases = "--status", description = "ACTIVE or CLOSED")
    private OrganisationStatus status;

    @Option(name = "-k", aliases = "--kind", description = "SCHOOL, MUNICIPAL_AUTHORITY, MINISTRY, REGIONAL_CENTRE, OTHER")
    private OrganisationKind kind;

    @Option(name = "-q", aliases = "--query", description = "text search in code, names, address, INN (ё = е)")
    private String query;

    @Option(name = "--page", description = "page number, from 0")
    private int page;

    @Option(name = "--size", description = "page size")
    private int size = 50;

    @Override
    Object run() {
        Page<Organisation> result = catalog.organisations(
                new OrganisationFilter(territory, founder, founderType, status, kind, query), page, size);
        OrganisationTable.list(out(), result.items());
        out().println(TEXTS.ru("catalog.console.page", result.page(), result.items().size(), result.total()));
        return null;
    }
}
