package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.platform.internal.modules.ModuleRecords;
import org.oko.platform.internal.modules.ModuleRepositories;

/** {@code oko:module-repositories}: the module repositories, adding or removing one (as the administrator's screen). */
@Command(scope = "oko", name = "module-repositories", description = "Lists module repositories; --add URL or --remove URL changes them")
@Service
public class ModuleRepositoriesCommand extends AdministratorAction {

    @Option(name = "--add", description = "URL of a module repository to add (http, https or file)")
    private String add;

    @Option(name = "--remove", description = "URL of a module repository to remove")
    private String remove;

    @Reference
    private ModuleRepositories repositories;

    @Override
    void run() throws Exception {
        if (add != null) {
            repositories.add(add);
        }
        if (remove != null) {
            repositories.remove(remove);
        }
        for (ModuleRecords.Repository r : repositories.repositories()) {
            println(r.url() + "  (" + r.addedBy() + ", " + r.addedAt() + ")");
        }
    }
}
