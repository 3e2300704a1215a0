package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.internal.modules.ModuleRepositories;

/** {@code oko:module-offers URL}: what a module repository offers and what of it is installed here. */
@Command(scope = "oko", name = "module-offers", description = "Lists the modules of a module repository with their versions")
@Service
public class ModuleOffersCommand implements Action {

    @Argument(index = 0, name = "url", required = true, description = "the repository's URL")
    private String url;

    @Reference
    private ModuleRepositories repositories;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        return CallerContext.callAs(Caller.SYSTEM, () -> {
            for (ModuleRepositories.Offer o : repositories.offers(url)) {
                session.getConsole().println(o.feature() + " " + o.version() + "  " + (o.name() == null ? "" : o.name())
                        + (o.installedVersion() == null ? "" : "  [installed " + o.installedVersion() + "]")
                        + (o.description() == null || o.description().isBlank() ? "" : "\n    " + o.description()));
            }
            return null;
        });
    }
}
