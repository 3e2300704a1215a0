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

/** {@code oko:module-rollback FEATURE}: back to the version installed before the current one. */
@Command(scope = "oko", name = "module-rollback", description = "Returns a module to the version installed before the current one; data is kept")
@Service
public class ModuleRollbackCommand implements Action {

    @Argument(index = 0, name = "feature", required = true, description = "the module's feature")
    private String feature;

    @Reference
    private ModuleRepositories repositories;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        session.getConsole().println(describe(CallerContext.callAs(Caller.SYSTEM, () -> repositories.rollback(feature))));
        return null;
    }

    static String describe(ModuleRepositories.Outcome o) {
        return o.action() + ": " + o.feature() + " " + (o.previousVersion() == null ? "" : o.previousVersion() + " -> ") + o.version()
                + ", " + o.module().symbolicName() + " " + o.module().state();
    }
}
