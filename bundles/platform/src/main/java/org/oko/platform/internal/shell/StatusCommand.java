package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.oko.platform.api.HealthService;

/** {@code oko:status}: the facts of {@code GET /api/health}, as text. */
@Command(scope = "oko", name = "status", description = "Shows OKO's version, database and modules (as GET /api/health)")
@Service
public class StatusCommand implements Action {

    @Reference
    private HealthService healthService;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        // Shell output goes to the session's terminal (SSH, local console), not to the JVM's stdout.
        session.getConsole().print(HealthText.format(healthService.health()));
        return null;
    }
}
