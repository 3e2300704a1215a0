package org.oko.platform.internal.shell;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.platform.internal.modules.ModulePublisher;
import org.oko.platform.internal.modules.RepositoryIndex;

/** {@code oko:module-publish FILE.kar}: puts a module's KAR into this installation's published repository. */
@Command(scope = "oko", name = "module-publish", description = "Publishes a module KAR into this OKO's module repository (data/module-repository)")
@Service
public class ModulePublishCommand extends AdministratorAction {

    @Argument(index = 0, name = "kar", required = true, description = "path of the KAR file")
    private String kar;

    @Reference
    private ModulePublisher publisher;

    @Override
    void run() throws Exception {
        for (RepositoryIndex.Entry e : publisher.publish(Path.of(kar))) {
            println("published " + e.feature() + " " + e.version() + " as " + e.kar());
        }
    }
}
