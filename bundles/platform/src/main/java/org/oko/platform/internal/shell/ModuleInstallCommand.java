package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.platform.internal.modules.ModuleRepositories;

/** {@code oko:module-install URL FEATURE VERSION}: installs, upgrades or downgrades a module from a repository. */
@Command(scope = "oko", name = "module-install", description = "Installs a module version from a module repository (an upgrade when an older one is installed)")
@Service
public class ModuleInstallCommand extends AdministratorAction {

    @Argument(index = 0, name = "url", required = true, description = "the repository's URL")
    private String url;

    @Argument(index = 1, name = "feature", required = true, description = "the module's feature, e.g. oko-vpr")
    private String feature;

    @Argument(index = 2, name = "version", required = true, description = "the version to install")
    private String version;

    @Reference
    private ModuleRepositories repositories;

    @Override
    void run() throws Exception {
        println(ModuleRollbackCommand.describe(repositories.install(url, feature, version)));
    }
}
