package org.oko.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;

/**
 * A console command that acts as the installation's administrator: whoever has the console (Karaf's
 * JAAS admin role) may do what the administrator's screen does. Output goes to the session's terminal.
 */
abstract class AdministratorAction implements Action {

    @Reference
    private Session session;

    @Override
    public final Object execute() throws Exception {
        return CallerContext.callAs(Caller.SYSTEM, () -> {
            run();
            return null;
        });
    }

    abstract void run() throws Exception;

    void println(String line) {
        session.getConsole().println(line);
    }
}
