package org.oko.catalog.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.oko.platform.api.security.Authenticator;
import org.oko.platform.api.security.ConsoleCaller;

/** A catalog command runs as the OKO account logged into the console, with its roles and scope. */
abstract class CatalogCommand implements Action {

    @Reference
    private Authenticator authenticator;

    @Override
    public final Object execute() throws Exception {
        return ConsoleCaller.call(authenticator, this::run);
    }

    abstract Object run() throws Exception;
}
