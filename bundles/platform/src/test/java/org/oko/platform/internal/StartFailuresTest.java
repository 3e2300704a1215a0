package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

/** The reason shown for a module that does not start: the framework's words and the activator's own. */
class StartFailuresTest {

    @Test
    void theActivatorsMessageFollowsTheFrameworks() {
        BundleException failure = new BundleException("Activator start error in bundle x [12].", BundleException.ACTIVATOR_ERROR,
                new IllegalStateException("нет настройки / no setting"));
        assertEquals("Activator start error in bundle x [12].: нет настройки / no setting", StartFailures.reason(failure));
    }

    @Test
    void aMessageRepeatedByItsCauseIsSaidOnceAndAMissingOneNamesTheClass() {
        ClassNotFoundException missing = new ClassNotFoundException("org.example.Activator");
        BundleException failure = new BundleException("Not found: org.example.Activator", missing);
        assertEquals("Not found: org.example.Activator", StartFailures.reason(failure));
        assertEquals("java.lang.NullPointerException", StartFailures.reason(new NullPointerException()));
    }
}
