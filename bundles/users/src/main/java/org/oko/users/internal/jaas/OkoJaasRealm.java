package org.oko.users.internal.jaas;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.oko.users.internal.LoginService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Karaf realm "karaf" backed by OKO accounts, ranked above Karaf's own properties realm: the
 * console (SSH, bin/client) and JMX log in with the same accounts as the web.
 */
@Component(service = JaasRealm.class)
public class OkoJaasRealm implements JaasRealm {

    static final String REALM = "karaf";

    // Only registered once logins can be checked.
    @Reference
    private LoginService loginService;

    private AppConfigurationEntry[] entries;

    @Activate
    void activate(BundleContext context) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, OkoLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries;
    }
}
