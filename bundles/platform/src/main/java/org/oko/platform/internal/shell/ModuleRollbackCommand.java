package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.platform.internal.modules.ModuleRepositories;

/** {@code oko:module-rollback FEATURE}: back to the version installed before the current one. */
@Command(scope = "oko", name = "module-rollback", description = "Returns a module to the version installed before the current one; data is kept")
@Service
public class ModuleRollbackCommand extends AdministratorAction {

    @Argument(index = 0, name = "feature", required = true, description = "the module's feature")
    private String feature;

    @Reference
    private ModuleRepositories repositories;

    @Override
    void run() throws Exception {
        println(describe(repositories.rollback(feature)));
    }

    static String describe(ModuleRepositories.Outcome o) {
        return o.action() + ": " + o.feature() + " " + (o.previousVersion() == null ? "" : o.previousVersion() + " -> ") + o.version()
                + ", " + o.module().symbolicName() + " " + o.module().state();
    }
}
