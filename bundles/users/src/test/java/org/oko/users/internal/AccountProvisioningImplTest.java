package org.oko.users.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.security.AccessDeniedException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;
import org.oko.users.api.AccountProvisioning.NewAccount;

class AccountProvisioningImplTest {

    private final NewAccount account = new NewAccount("demo.school", "Координатор ОО (демо)", "9901001",
            EnumSet.of(Role.SCHOOL_COORDINATOR), List.of());

    @Test
    void onlyTheSystemProvisionsEvenAnAdministratorIsRefusedBeforeAnythingIsWritten() {
        AccountProvisioningImpl provisioning = new AccountProvisioningImpl(); // no store: nothing may be touched
        Caller administrator = new Caller("admin", null, EnumSet.of(Role.ADMINISTRATOR), Scope.REGION);
        assertThrows(AccessDeniedException.class, () -> CallerContext.runAs(administrator,
                () -> provisioning.create(account, "oko-demo-2026".toCharArray(), "demo account")));
        assertThrows(AccessDeniedException.class, () -> CallerContext.runAs(Caller.ANONYMOUS,
                () -> provisioning.create(account, "oko-demo-2026".toCharArray(), "demo account")));
    }
}
