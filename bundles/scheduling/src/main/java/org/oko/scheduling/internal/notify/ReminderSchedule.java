package org.oko.scheduling.internal.notify;

import java.time.Duration;
import java.util.Hashtable;

import org.oko.platform.api.jobs.Claims;
import org.oko.scheduling.internal.SchedulingSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the reminder run on the Karaf scheduler (whiteboard: a Runnable with a cron expression),
 * at {@code reminder.cron} of {@code etc/org.oko.scheduling.cfg}; a changed expression re-registers it.
 */
@Component(configurationPid = "org.oko.scheduling", immediate = true, service = {})
public class ReminderSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);

    @Reference
    private Reminders reminders;

    @Reference
    private Claims claims;

    private ServiceRegistration<Runnable> registration;

    @Activate
    void activate(BundleContext context, SchedulingSettings.Config config) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("scheduler.name", "oko-reminders");
        properties.put("scheduler.expression", config.reminder_cron());
        properties.put("scheduler.concurrent", Boolean.FALSE);
        // Every node's scheduler fires; the claim lets one of them run (the others' runs would find nothing new to
        // send, but could overlap with it).
        Runnable job = () -> {
            try {
                claims.runClaimed("scheduling.reminders", Duration.ofMinutes(10), reminders::run);
            } catch (Exception e) {
                LOG.error("The reminder run failed", e);
            }
        };
        registration = context.registerService(Runnable.class, job, properties);
        LOG.info("Reminders scheduled at '{}'", config.reminder_cron());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
