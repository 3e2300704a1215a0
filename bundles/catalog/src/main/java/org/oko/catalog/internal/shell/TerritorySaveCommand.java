package org.oko.catalog.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Territory;
import org.oko.catalog.api.TerritoryType;

@Command(scope = "oko", name = "territory-save", description = "Creates or renames a territory")
@Service
public class TerritorySaveCommand extends CatalogCommand {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", required = true, description = "territory code")
    private String code;

    @Argument(index = 1, name = "type", required = true, description = "MUNICIPAL_DISTRICT, MUNICIPAL_OKRUG, CITY_DISTRICT")
    private TerritoryType type;

    @Argument(index = 2, name = "name", required = true, description = "territory name (quote it)")
    private String name;

    @Override
    Object run() {
        long version = catalog.territory(code).map(Territory::version).orElse(0L);
        Territory saved = catalog.saveTerritory(new Territory(code, name, type, version));
        out().printf("%s %s %s%n", saved.code(), saved.type().label(), saved.name());
        return null;
    }
}
