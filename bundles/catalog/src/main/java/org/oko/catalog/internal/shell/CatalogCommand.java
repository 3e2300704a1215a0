package org.oko.catalog.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.ConsoleCaller;

/** A catalog command runs as the OKO account logged into the console, with its roles and scope. */
abstract class CatalogCommand implements Action {

    @Reference
    private Authenticator authenticator;

    @Reference
    private Session session;

    @Override
    public final Object execute() throws Exception {
        return ConsoleCaller.call(authenticator, this::run);
    }

    abstract Object run() throws Exception;

    /** The terminal of the session that runs the command (SSH, local console or a test's streams). */
    PrintStream out() {
        return session.getConsole();
    }
}
