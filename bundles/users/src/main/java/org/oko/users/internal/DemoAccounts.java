package org.oko.users.internal;

import java.util.EnumSet;
import java.util.List;

import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.security.Role;
import org.oko.users.internal.SecurityEventEntity.Type;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With demo data on, one ready account per role in the demo region, all with the password
 * {@value #PASSWORD}. Demo only: never switch demo data on for real data.
 */
@Component(immediate = true)
public class DemoAccounts {

    static final String PASSWORD = "oko-demo-2026";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private record Demo(String login, String fullName, String organisationCode, Role role) {
    }

    // Organisation codes of the generated demo region (catalog DemoRegion).
    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("demo.regional", "Региональный координатор (демо)", "990001", Role.REGIONAL_COORDINATOR),
            new Demo("demo.ministry", "Специалист министерства (демо)", "990000", Role.MINISTRY_OFFICIAL),
            new Demo("demo.founder", "Координатор управления образования Новоградска (демо)", "990100", Role.FOUNDER_COORDINATOR),
            new Demo("demo.school", "Координатор ОО (демо)", "9901001", Role.SCHOOL_COORDINATOR),
            new Demo("demo.expert", "Эксперт (демо)", "990001", Role.EXPERT),
            new Demo("demo.observer", "Наблюдатель (демо)", "990001", Role.OBSERVER));

    /** The demo observer is assigned Новоградск's education authority, so it reads that town's schools. */
    static final String OBSERVED = "990100";

    @Reference
    private PlatformSettings settings;

    @Reference
    private AccountStore store;

    // Created after the first administrator.
    @Reference
    private LoginService logins;

    @Activate
    void activate() {
        if (!settings.demoData() || store.find(ACCOUNTS.get(0).login()).isPresent()) {
            return;
        }
        PasswordHasher hasher = new PasswordHasher();
        for (Demo demo : ACCOUNTS) {
            UserEntity user = new UserEntity(demo.login(), hasher.hash(PASSWORD.toCharArray()), demo.fullName(),
                    demo.organisationCode(), EnumSet.of(demo.role()), false);
            if (demo.role() == Role.OBSERVER) {
                user.setObserved(List.of(OBSERVED));
            }
            store.create(user);
            store.record(new SecurityEventEntity(Type.ACCOUNT_CREATED, demo.login(), "system", null, "demo account"));
        }
        LOG.info("Demo accounts created: {}", ACCOUNTS.stream().map(Demo::login).toList());
    }
}
