package org.oko.itests.forms;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a test module that fails on purpose: FormModulesIT packs this class into a module jar. */
public class ThrowingActivator implements BundleActivator {

    static final String MESSAGE = "Модуль сломан нарочно / broken on purpose";

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
