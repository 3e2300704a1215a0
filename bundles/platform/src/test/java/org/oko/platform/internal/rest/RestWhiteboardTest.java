package org.oko.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.junit.jupiter.api.Test;

/** The bus's class loader, settled once so that CXF's servlet does not look for it on every request. */
class RestWhiteboardTest {

    @Test
    void aBusWithoutAClassLoaderGetsOneAndKeepsIt() {
        Bus bus = new ExtensionManagerBus();
        try {
            RestWhiteboard.settleClassLoader(bus);
            ClassLoader settled = bus.getExtension(ClassLoader.class);
            assertNotNull(settled);
            RestWhiteboard.settleClassLoader(bus);
            assertSame(settled, bus.getExtension(ClassLoader.class), "settled once");
        } finally {
            bus.shutdown(false);
        }
    }

    @Test
    void aBusThatCarriesAClassLoaderKeepsItsOwn() {
        Bus bus = new ExtensionManagerBus();
        try {
            ClassLoader own = new ClassLoader(null) { };
            bus.setExtension(own, ClassLoader.class);
            RestWhiteboard.settleClassLoader(bus);
            assertSame(own, bus.getExtension(ClassLoader.class));
        } finally {
            bus.shutdown(false);
        }
    }
}
