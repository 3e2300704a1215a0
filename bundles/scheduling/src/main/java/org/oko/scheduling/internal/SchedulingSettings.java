package org.oko.scheduling.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of scheduling ({@code etc/org.oko.scheduling.cfg}): the clock, reminders, e-mail. */
@Component(service = SchedulingSettings.class, configurationPid = "org.oko.scheduling")
@Designate(ocd = SchedulingSettings.Config.class)
public class SchedulingSettings {

    @ObjectClassDefinition(name = "OKO scheduling", description = "Deadlines, reminders and e-mail")
    public @interface Config {

        @AttributeDefinition(description = "Today's date for deadlines and reminders (yyyy-MM-dd or dd.MM.yyyy): rehearsals and tests only; empty = the system clock")
        String today() default "";

        @AttributeDefinition(description = "Time zone of the region's deadlines")
        String zone() default "Europe/Moscow";

        @AttributeDefinition(description = "Remind this many calendar days before a deadline")
        int reminder_days_before() default 3;

        @AttributeDefinition(description = "When the reminder job runs (Quartz cron expression)")
        String reminder_cron() default "0 0 8 * * ?";

        @AttributeDefinition(description = "Send reminders by e-mail as well")
        boolean mail_enabled() default false;

        String mail_host() default "localhost";

        int mail_port() default 25;

        String mail_from() default "oko@localhost";

        String mail_username() default "";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String mail_password() default "";

        boolean mail_starttls() default false;

        @AttributeDefinition(description = "The address users open OKO at, for links in e-mails")
        String web_url() default "http://localhost:8181/";
    }

    private volatile Config config;
    private volatile LocalDate fixedToday;

    @Activate
    @Modified
    void activate(Config config) {
        this.config = config;
        this.fixedToday = config.today() == null || config.today().isBlank() ? null : Dates.parse(config.today().trim());
    }

    /** Today in the region: the fixed date when one is configured, else the system clock. */
    public LocalDate today() {
        LocalDate fixed = fixedToday;
        return fixed != null ? fixed : LocalDate.now(Clock.system(zone()));
    }

    public ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    public Config config() {
        return config;
    }
}
