package org.oko.scheduling.internal.notify;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.ProductionCalendar;
import org.oko.scheduling.internal.Dates;
import org.oko.scheduling.internal.SchedulingSettings;
import org.oko.scheduling.internal.campaign.CampaignDefinition;
import org.oko.scheduling.internal.campaign.CampaignService;
import org.oko.scheduling.internal.campaign.Overdue;
import org.oko.users.api.UserDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder run: before a deadline and once it has passed, the responsible people get a
 * notification — the school for its form, the founder for its late schools and for the letters it
 * owes, every holder of the responsible role for a roadmap task — and an e-mail when SMTP is on.
 * Each reminder goes to a person once, so the run can be repeated at will.
 */
@Component(service = Reminders.class)
public class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    @Reference
    private CampaignService campaigns;

    @Reference
    private Submissions submissions;

    @Reference
    private UserDirectory users;

    @Reference
    private CatalogService catalog;

    @Reference
    private Notifications notifications;

    @Reference
    private ProductionCalendar calendar;

    @Reference
    private SchedulingSettings settings;

    public record Run(LocalDate today, int campaigns, int notifications, int emailed, int emailFailures) {
    }

    /** Runs as the system: the caller (the scheduler, or an administrator) was checked by whoever called. */
    public synchronized Run run() {
        try {
            return CallerContext.callAs(Caller.SYSTEM, this::runAsSystem);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Run runAsSystem() {
        LocalDate today = settings.today();
        int daysBefore = settings.config().reminder_days_before();
        Directory directory = new Directory(users.activeContacts());
        List<Notifications.Draft> drafts = new ArrayList<>();
        List<CampaignService.Stored> all = campaigns.list();
        for (CampaignService.Stored stored : all) {
            CampaignDefinition definition = stored.definition();
            String prefix = definition.code() + "|";
            Set<String> sent = notifications.sent(prefix);
            Batch batch = new Batch(prefix, sent, drafts);
            for (CampaignService.StepView step : campaigns.roadmap(definition.code()).steps()) {
                if (step.deadline() == null || step.state() == CampaignService.StepState.DONE && step.form() == null) {
                    continue;
                }
                boolean late = today.isAfter(step.deadline());
                boolean soon = !late && !today.isBefore(step.deadline().minusDays(daysBefore));
                String due = Dates.russian(step.deadline());
                if (step.form() == null) {
                    for (UserDirectory.Contact contact : directory.withRole(step.responsible())) {
                        if (late) {
                            batch.add(contact, "step-overdue|" + step.id(), "STEP_OVERDUE", TEXTS.ru("reminder.step-overdue", step.title()),
                                    TEXTS.text("reminder.step-overdue.body", due).joined(), "/#/campaigns/" + definition.code());
                        } else if (soon) {
                            batch.add(contact, "step-due|" + step.id(), "STEP_DUE", TEXTS.ru("reminder.step-due", step.title(), due),
                                    TEXTS.text("reminder.step-due.body", definition.title()).joined(), "/#/campaigns/" + definition.code());
                        }
                    }
                } else {
                    formStep(definition, step, today, daysBefore, directory, batch);
                }
            }
        }
        List<Long> ids = drafts.isEmpty() ? List.of() : notifications.create(drafts);
        int emailed = 0;
        int failures = 0;
        if (settings.config().mail_enabled()) {
            Mailer mailer = new Mailer(settings.config());
            for (int i = 0; i < drafts.size(); i++) {
                Notifications.Draft draft = drafts.get(i);
                if (draft.email() == null) {
                    continue;
                }
                try {
                    mailer.send(draft.email(), TEXTS.ru("reminder.mail-subject", draft.title()), draft.body() + "\n\n" + link(draft.link()));
                    notifications.mailed(ids.get(i), NotificationEntity.Mail.SENT);
                    emailed++;
                } catch (Exception e) {
                    LOG.warn("Reminder e-mail to {} failed: {}", draft.email(), e.toString());
                    notifications.mailed(ids.get(i), NotificationEntity.Mail.FAILED);
                    failures++;
                }
            }
        }
        Run run = new Run(today, all.size(), drafts.size(), emailed, failures);
        LOG.info("Reminders for {}: {} campaigns, {} notifications, {} e-mails ({} failed)", today, run.campaigns(),
                run.notifications(), emailed, failures);
        return run;
    }

    private void formStep(CampaignDefinition definition, CampaignService.StepView step, LocalDate today, int daysBefore,
                          Directory directory, Batch batch) {
        String due = Dates.russian(step.deadline());
        Map<String, Set<String>> lateByFounder = new TreeMap<>();
        for (Submissions.Status status : submissions.statuses(step.period(), step.form())) {
            Organisation school = catalog.organisation(status.organisationCode()).orElse(null);
            String code = status.organisationCode();
            String link = "/#/submissions/" + status.id();
            if (Overdue.submission(status, step.deadline(), today)) {
                for (UserDirectory.Contact contact : directory.at(code, Role.SCHOOL_COORDINATOR)) {
                    batch.add(contact, "overdue|" + step.id() + "|" + code, "FORM_OVERDUE", TEXTS.ru("reminder.form-overdue", step.title()),
                            TEXTS.text("reminder.form-overdue.body", due).joined(), link);
                }
                if (school != null && school.founderCode() != null) {
                    lateByFounder.computeIfAbsent(school.founderCode(), f -> new TreeSet<>()).add(code);
                }
            } else if (status.state().withSchool() && !today.isBefore(step.deadline().minusDays(daysBefore))) {
                for (UserDirectory.Contact contact : directory.at(code, Role.SCHOOL_COORDINATOR)) {
                    batch.add(contact, "due|" + step.id() + "|" + code, "FORM_DUE", TEXTS.ru("reminder.form-due", step.title(), due),
                            TEXTS.text("reminder.form-due.body", status.completion()).joined(), link);
                }
            }
            LocalDate letterDue = Overdue.confirmationDue(status, definition.confirmationDays(), calendar, settings.zone());
            if (letterDue != null && (Overdue.confirmation(letterDue, today) || !today.isBefore(letterDue.minusDays(daysBefore)))) {
                boolean letterLate = Overdue.confirmation(letterDue, today);
                boolean selfConfirming = school == null || school.founderType() == FounderType.FEDERAL || school.founderType() == FounderType.PRIVATE
                        || school.founderCode() == null;
                List<UserDirectory.Contact> confirmers = selfConfirming ? directory.at(code, Role.SCHOOL_COORDINATOR)
                        : directory.at(school.founderCode(), Role.FOUNDER_COORDINATOR);
                String name = school == null ? code : school.shortName() + " (" + code + ")";
                for (UserDirectory.Contact contact : confirmers) {
                    batch.add(contact, (letterLate ? "letter-overdue|" : "letter-due|") + step.id() + "|" + code + "|" + letterDue,
                            letterLate ? "LETTER_OVERDUE" : "LETTER_DUE",
                            TEXTS.ru(letterLate ? "reminder.letter-overdue" : "reminder.letter-due", step.title(), name),
                            TEXTS.text(letterLate ? "reminder.letter-overdue.body" : "reminder.letter-due.body", Dates.russian(letterDue)).joined(),
                            link);
                }
            }
        }
        lateByFounder.forEach((founder, codes) -> {
            for (UserDirectory.Contact contact : directory.at(founder, Role.FOUNDER_COORDINATOR)) {
                batch.add(contact, "overdue-founder|" + step.id() + "|" + founder, "FORM_OVERDUE_SCHOOLS",
                        TEXTS.ru("reminder.schools-overdue", step.title(), codes.size()),
                        TEXTS.text("reminder.schools-overdue.body", due, abbreviate(String.join(", ", codes))).joined(),
                        "/#/campaigns/" + definition.code());
            }
        });
    }

    private String link(String path) {
        String base = settings.config().web_url();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static String abbreviate(String text) {
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "…";
    }

    /** The drafts of one campaign, skipping what each person was told already. */
    private record Batch(String prefix, Set<String> sent, List<Notifications.Draft> drafts) {
        void add(UserDirectory.Contact contact, String reason, String kind, String title, String body, String link) {
            String key = prefix + reason;
            if (sent.add(contact.login() + "|" + key)) {
                drafts.add(new Notifications.Draft(contact.login(), key, kind, title, body, link, contact.email()));
            }
        }
    }

    /** Active accounts by organisation and role. */
    private static final class Directory {
        private final Map<String, List<UserDirectory.Contact>> byOrganisationAndRole = new HashMap<>();
        private final Map<Role, List<UserDirectory.Contact>> byRole = new HashMap<>();

        Directory(List<UserDirectory.Contact> contacts) {
            for (UserDirectory.Contact contact : contacts) {
                for (Role role : contact.roles()) {
                    byOrganisationAndRole.computeIfAbsent(contact.organisationCode() + "|" + role, k -> new ArrayList<>()).add(contact);
                    byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(contact);
                }
            }
        }

        List<UserDirectory.Contact> at(String organisationCode, Role role) {
            return byOrganisationAndRole.getOrDefault(organisationCode + "|" + role, List.of());
        }

        List<UserDirectory.Contact> withRole(Role role) {
            return byRole.getOrDefault(role, List.of());
        }
    }
}
