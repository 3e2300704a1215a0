package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.platform.internal.modules.ModuleRepositories;

/** {@code oko:module-offers URL}: what a module repository offers and what of it is installed here. */
@Command(scope = "oko", name = "module-offers", description = "Lists the modules of a module repository with their versions")
@Service
public class ModuleOffersCommand extends AdministratorAction {

    @Argument(index = 0, name = "url", required = true, description = "the repository's URL")
    private String url;

    @Reference
    private ModuleRepositories repositories;

    @Override
    void run() {
        for (ModuleRepositories.Offer o : repositories.offers(url)) {
            println(o.feature() + " " + o.version() + "  " + (o.name() == null ? "" : o.name())
                    + (o.installedVersion() == null ? "" : "  [installed " + o.installedVersion() + "]")
                    + (o.description() == null || o.description().isBlank() ? "" : "\n    " + o.description()));
        }
    }
}
