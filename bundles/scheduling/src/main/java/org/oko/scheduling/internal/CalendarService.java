package org.oko.scheduling.internal;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.CalendarYear;
import org.oko.scheduling.api.ProductionCalendar;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production calendar: a year the administrator edited ({@code etc/oko-calendar/<year>.json}),
 * else the year shipped in this bundle with the government's transfers, else the statutory rules.
 */
@Component(service = {ProductionCalendar.class, CalendarService.class})
public class CalendarService implements ProductionCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarService.class);
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final Map<Integer, CalendarYear> years = new ConcurrentHashMap<>();
    private Path edits;

    @Activate
    void activate(BundleContext context) {
        String etc = context.getProperty("karaf.etc");
        edits = Path.of(etc == null ? "etc" : etc, "oko-calendar");
    }

    @Override
    public CalendarYear year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(TEXTS.text("calendar.no-calendar", year).joined());
        }
        return years.computeIfAbsent(year, this::load);
    }

    /** The administrator's version of a year (a decree published later, a regional day off). */
    public CalendarYear edit(CalendarYear edited) {
        CallerContext.require(Role.ADMINISTRATOR);
        year(edited.year()); // the range check
        CalendarYear saved = new CalendarYear(edited.year(), edited.dayOffs(), edited.workingWeekends(), "EDITED");
        try {
            Files.createDirectories(edits);
            Path temporary = Files.createTempFile(edits, ".edit-", ".tmp");
            Files.write(temporary, CalendarFiles.write(saved, TEXTS.text("calendar.edited").joined()));
            Files.move(temporary, edits.resolve(edited.year() + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(TEXTS.text("calendar.not-saved", e.getMessage()).joined(), e);
        }
        years.put(saved.year(), saved);
        LOG.info("Production calendar {} edited by {}: {} working days", saved.year(), CallerContext.current().login(), saved.workingDays());
        return saved;
    }

    /** Drops the administrator's version: the shipped or statutory year applies again. */
    public CalendarYear revert(int year) {
        CallerContext.require(Role.ADMINISTRATOR);
        try {
            Files.deleteIfExists(edits.resolve(year + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        years.remove(year);
        return year(year);
    }

    private CalendarYear load(int year) {
        Path edited = edits == null ? null : edits.resolve(year + ".json");
        try {
            if (edited != null && Files.isRegularFile(edited)) {
                return CalendarFiles.read(Files.readAllBytes(edited));
            }
            try (InputStream shipped = CalendarService.class.getResourceAsStream("/calendar/" + year + ".json")) {
                if (shipped != null) {
                    return CalendarFiles.read(shipped.readAllBytes());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The production calendar for {} cannot be read; the statutory rules apply", year, e);
        }
        return StatutoryCalendar.of(year);
    }
}
