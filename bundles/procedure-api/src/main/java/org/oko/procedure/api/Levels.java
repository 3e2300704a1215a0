package org.oko.procedure.api;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Results folded per school, per territory and for the region in one pass, so that a school's
 * figures stand beside its territory's and the region's. The module brings the accumulator (counts,
 * sums, a distribution); each result is added to its school's, its territory's and the region's.
 * Not thread-safe: fold on one thread, then read.
 *
 * <pre>
 * Levels&lt;Stats&gt; levels = new Levels&lt;&gt;(() -&gt; new Stats(spec), territoryOfSchool);
 * store.forEach(result -&gt; levels.add(result.school(), stats -&gt; stats.add(result)));
 * levels.school("7701001"); levels.territory("77"); levels.region();
 * </pre>
 *
 * @param <A> the module's accumulator
 */
public final class Levels<A> {

    /** The territory of a school the catalog does not place: results still count for the region. */
    public static final String NO_TERRITORY = "—";

    private final Supplier<A> empty;
    private final Function<String, String> territoryOf;
    private final Map<String, A> schools = new HashMap<>();
    private final Map<String, A> territories = new HashMap<>();
    private final Map<String, String> territoryOfSchool = new HashMap<>();
    private final A region;

    /**
     * @param empty       a new, empty accumulator
     * @param territoryOf a school's territory code, or null when unknown (asked once per school)
     */
    public Levels(Supplier<A> empty, Function<String, String> territoryOf) {
        this.empty = empty;
        this.territoryOf = territoryOf;
        this.region = empty.get();
    }

    /** Adds one result of a school to the school, its territory and the region. */
    public void add(String school, Consumer<A> add) {
        add.accept(schools.computeIfAbsent(school, s -> empty.get()));
        String territory = territoryOfSchool.computeIfAbsent(school, s -> {
            String code = territoryOf.apply(s);
            return code == null ? NO_TERRITORY : code;
        });
        add.accept(territories.computeIfAbsent(territory, t -> empty.get()));
        add.accept(region);
    }

    /** Every school with results, by code. */
    public Map<String, A> schools() {
        return Collections.unmodifiableMap(schools);
    }

    /** Every territory with results, by code ({@link #NO_TERRITORY} for schools the catalog does not place). */
    public Map<String, A> territories() {
        return Collections.unmodifiableMap(territories);
    }

    /** The school's accumulator, an empty one when it has no results. */
    public A school(String code) {
        A found = schools.get(code);
        return found == null ? empty.get() : found;
    }

    public A territory(String code) {
        A found = territories.get(code);
        return found == null ? empty.get() : found;
    }

    public A region() {
        return region;
    }
}
