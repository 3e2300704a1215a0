package org.oko.olympiad.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.olympiad.internal.report.Counts;
import org.oko.olympiad.internal.report.Tally;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.store.OlympiadStore;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.olympiad.internal.year.Years;
import org.oko.platform.api.cache.Generations;
import org.oko.platform.api.cache.Kept;
import org.oko.procedure.api.Levels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A year's data loaded once and passed on: its participations, the organisers' scores, every status
 * judged and the counts folded per school, territory and region. Kept until the next write commits (at
 * most a minute, for catalog changes), since the screens, the exports and form 13 read the same figures.
 */
@Component(service = Snapshots.class)
public class Snapshots {


    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    @Reference
    private CatalogService catalog;

    @Reference
    private Years years;

    @Reference
    private Generations generations;

    private OlympiadStore store;
    /** A year's snapshot, kept while no import commits, at most a minute: the catalog's territories may change meanwhile. */
    private final Kept<Integer, Snapshot> kept = Kept.of(Duration.ofMinutes(1), 8);

    /** A year as read at one moment; {@code year} is null when no olympiad year of that number is published. */
    public record Snapshot(OlympiadYear year, List<Participation> participations, Scores scores,
                           Judgement judged, Levels<Tally> levels, Map<String, Organisation> schools) {

        public Function<String, String> territoryOf() {
            return code -> Optional.ofNullable(schools.get(code)).map(Organisation::territoryCode).orElse(null);
        }

        public String stageName(String code) {
            return year == null ? code : year.stage(code).map(OlympiadYear.Stage::name).orElse(code);
        }
    }

    @Activate
    void activate() {
        store = new OlympiadStore(dataSource, generations.of("olympiad.results"));
    }

    public OlympiadStore store() {
        return store;
    }

    /** The region's schools by code, asked as the system: a file names schools outside a caller's scope too. */
    public Map<String, Organisation> schools() throws Exception {
        return catalog.regionSchools();
    }

    public Snapshot of(int academicYear) throws Exception {
        return kept.get(academicYear, store.generation(), () -> {
            Map<String, Organisation> schools = schools();
            OlympiadYear year = years.find(academicYear).orElse(null);
            List<Participation> participations = store.participations(academicYear);
            Scores scores = store.scores(academicYear);
            Function<String, String> territoryOf = code -> Optional.ofNullable(schools.get(code)).map(Organisation::territoryCode).orElse(null);
            Judgement judged = year == null ? Judgement.of(empty(academicYear), participations, scores, territoryOf)
                    : Judgement.of(year, participations, scores, territoryOf);
            return new Snapshot(year, participations, scores, judged, Counts.of(participations, judged, territoryOf), schools);
        });
    }

    /** A year no spec describes: its stored statuses count as the files gave them, nothing is ranked. */
    private static OlympiadYear empty(int academicYear) {
        return new OlympiadYear(String.valueOf(academicYear), 1, "", "", academicYear, List.of(), List.of());
    }
}
