package org.oko.vpr.internal.form7;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormDefinition;
import org.oko.platform.api.cache.Kept;
import org.oko.vpr.internal.spec.SpecRegistry;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.stats.Stats;
import org.oko.vpr.internal.store.ResultStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Fills МИАС form 7's results table from the imported ВПР works while the module is installed (the forms
 * SPI): the school's counts per test of the year of the form's period. The school still types the total
 * of participants (the form's rule checks it against the table), checks the form and submits it through the
 * usual workflow. Without the module, or without the school's works of that year, the table is typed in.
 */
@Component(service = FormCalculator.class, property = FormCalculator.FORM_ID + "=" + Form7Values.FORM)
public class Form7Calculator implements FormCalculator {


    @Reference
    private SpecRegistry specs;

    @Reference
    private ResultStore store;

    /** A school's figures of a year, kept while no works are written (the form asks on every read), at most a minute: specs may be published meanwhile. */
    private final Kept<String, Map<String, Stats>> cache = Kept.of(java.time.Duration.ofMinutes(1), 5_000);

    @Override
    public Set<String> provides(FormDefinition definition) {
        return Form7Values.keys(definition, specs.latest().stream().map(Form7Values::row).collect(Collectors.toSet()));
    }

    @Override
    public Map<String, Object> calculate(FormDefinition definition, String organisationCode, String period, Map<String, Object> values) {
        try {
            // ВПР are written in the spring of the form's year, form 7 is due 15 days after their results: period 2026 → the tests of 2026.
            Map<String, Stats> byRow = schoolFigures(organisationCode, Form7Values.year(period));
            return byRow.isEmpty() ? Map.of() : Form7Values.of(byRow, provides(definition));
        } catch (SQLException e) {
            throw new IllegalStateException(e); // the form shows one error message; the log has the cause
        }
    }

    /** The school's figures by row for every test of the year it has works in. */
    private Map<String, Stats> schoolFigures(String school, int year) throws SQLException {
        try {
            return cache.get(school + "|" + year, store.generation(), () -> {
                Map<String, Stats> byRow = new LinkedHashMap<>();
                for (TestSpec spec : specs.latest()) {
                    if (spec.year() != year) {
                        continue;
                    }
                    Stats stats = new Stats(spec);
                    for (Result result : store.results(spec.key(), school, spec.tasks().size())) {
                        stats.add(result);
                    }
                    if (stats.participants() > 0) {
                        byRow.put(Form7Values.row(spec), stats);
                    }
                }
                return java.util.Collections.unmodifiableMap(byRow);
            });
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
