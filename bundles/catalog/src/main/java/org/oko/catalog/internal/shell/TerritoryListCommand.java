package org.oko.catalog.internal.shell;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Territory;

@Command(scope = "oko", name = "territory-list", description = "Lists the territories of the region")
@Service
public class TerritoryListCommand extends CatalogCommand {

    @Reference
    private CatalogService catalog;

    @Override
    Object run() {
        out().println(TEXTS.ru("catalog.console.region", catalog.region().code(), catalog.region().name()));
        for (Territory territory : catalog.territories()) {
            out().printf("%-6s %-20s %s%n", territory.code(), territory.type().label(), territory.name());
        }
        return null;
    }
}
