package org.oko.users.internal.jaas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.junit.jupiter.api.Test;

class OkoLoginModuleTest {

    @Test
    void theSshClientAddressIsTakenFromKarafsClientPrincipal() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", "/10.1.2.3:52144"));
        OkoLoginModule module = new OkoLoginModule();
        module.initialize(subject, callbacks -> { }, Map.of(), Map.of());
        assertEquals("10.1.2.3", module.clientAddress());
    }

    @Test
    void aLocalConsoleHasNoAddress() {
        OkoLoginModule module = new OkoLoginModule();
        module.initialize(new Subject(), callbacks -> { }, Map.of(), Map.of());
        assertEquals("console", module.clientAddress());
    }

    @Test
    void namesPortsAndBracketsAreDropped() {
        assertEquals("127.0.0.1", OkoLoginModule.hostOf("localhost/127.0.0.1:8101"));
        assertEquals("0:0:0:0:0:0:0:1", OkoLoginModule.hostOf("/[0:0:0:0:0:0:0:1]:40000"));
        assertEquals("10.0.0.5", OkoLoginModule.hostOf("10.0.0.5"));
    }
}
