package org.oko.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.annotation.Annotation;
import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.jaxrs.provider.ServerProviderFactory;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

/**
 * The bus's class loader, settled once so that CXF's servlet does not look for it on every request; the providers'
 * cache keeping every candidate.
 */
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

    @Test
    void providersCacheKeepsEveryCandidateUnlessTheBusSaysOtherwise() {
        Bus bus = new ExtensionManagerBus();
        try {
            RestWhiteboard.keepAllCandidates(bus);
            assertEquals(true, bus.getProperty(RestWhiteboard.CHECK_ALL_CANDIDATES));
            bus.setProperty(RestWhiteboard.CHECK_ALL_CANDIDATES, "false");
            RestWhiteboard.keepAllCandidates(bus);
            assertEquals("false", bus.getProperty(RestWhiteboard.CHECK_ALL_CANDIDATES), "an administrator's setting stays");
        } finally {
            bus.shutdown(false);
        }
    }

    /** With every candidate kept, a record body is read by OKO's JSON provider at the first request and the next. */
    @Test
    void aRecordBodyIsReadByOkosJsonProviderEachTime() {
        Bus bus = new ExtensionManagerBus();
        try {
            RestWhiteboard.keepAllCandidates(bus);
            ServerProviderFactory factory = ServerProviderFactory.createInstance(bus);
            Object json = Json.provider();
            factory.setUserProviders(List.of(json));
            for (int request = 0; request < 2; request++) {
                Message message = new MessageImpl();
                message.setExchange(new ExchangeImpl());
                MessageBodyReader<Body> reader = factory.createMessageBodyReader(Body.class, Body.class, new Annotation[0],
                        MediaType.APPLICATION_JSON_TYPE, message);
                assertSame(json, reader);
            }
        } finally {
            bus.shutdown(false);
        }
    }

    record Body(String key) {
    }
}
