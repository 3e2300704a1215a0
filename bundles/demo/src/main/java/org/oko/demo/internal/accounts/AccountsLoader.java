package org.oko.demo.internal.accounts;

import java.util.EnumSet;
import java.util.List;

import org.oko.demo.internal.Worker;
import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.security.Role;
import org.oko.users.api.AccountProvisioning;
import org.oko.users.api.AccountProvisioning.NewAccount;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With demo data on, one ready account per role in the demo region, all with the password
 * {@value #PASSWORD}, created through the users' {@link AccountProvisioning} (there once the first
 * administrator is) on this component's own thread; health says STARTING meanwhile. Demo only: never
 * switch demo data on for real data.
 */
@Component(service = {}, immediate = true)
public class AccountsLoader {

    static final String PASSWORD = "oko-demo-2026";

    private static final Logger LOG = LoggerFactory.getLogger(AccountsLoader.class);

    /** The demo observer is assigned Новоградск's education authority, so it reads that town's schools. */
    static final String OBSERVED = "990100";

    // Organisation codes of the generated demo region (DemoRegion).
    static final List<NewAccount> ACCOUNTS = List.of(
            account("demo.regional", "Региональный координатор (демо)", "990001", Role.REGIONAL_COORDINATOR),
            account("demo.ministry", "Специалист министерства (демо)", "990000", Role.MINISTRY_OFFICIAL),
            account("demo.founder", "Координатор управления образования Новоградска (демо)", "990100", Role.FOUNDER_COORDINATOR),
            account("demo.school", "Координатор ОО (демо)", "9901001", Role.SCHOOL_COORDINATOR),
            account("demo.expert", "Эксперт (демо)", "990001", Role.EXPERT),
            account("demo.observer", "Наблюдатель (демо)", "990001", Role.OBSERVER));

    @Reference
    private PlatformSettings settings;

    @Reference
    private AccountProvisioning accounts;

    private final Worker worker = new Worker("oko-demo-accounts");

    private static NewAccount account(String login, String fullName, String organisationCode, Role role) {
        return new NewAccount(login, fullName, organisationCode, EnumSet.of(role), role == Role.OBSERVER ? List.of(OBSERVED) : List.of());
    }

    @Activate
    void activate(BundleContext context) {
        if (settings.demoData()) {
            worker.submit(this::load, context, "demo accounts");
        }
    }

    @Deactivate
    void deactivate() {
        worker.stop();
    }

    private void load() {
        if (accounts.exists(ACCOUNTS.get(0).login())) {
            return;
        }
        for (NewAccount account : ACCOUNTS) {
            accounts.create(account, PASSWORD.toCharArray(), "demo account");
        }
        LOG.info("Demo accounts created: {}", ACCOUNTS.stream().map(NewAccount::login).toList());
    }
}
