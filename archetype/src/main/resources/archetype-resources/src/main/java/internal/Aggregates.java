package ${package}.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.platform.api.security.CallerContext;
import org.oko.procedure.api.Levels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The round's results folded per school, territory and region in one pass ({@link Levels}). */
@Component(service = Aggregates.class)
public class Aggregates {

    @Reference
    private ResultStore store;

    @Reference
    private CatalogService catalog;

    public Aggregates() {
    }

    Aggregates(ResultStore store, CatalogService catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public Levels<Summary> levels(Spec spec) throws SQLException {
        // Schools outside the caller's scope still count for their territory and the region.
        Levels<Summary> levels = new Levels<>(() -> new Summary(spec.passScore()), school -> CallerContext.asSystem(
                () -> catalog.organisation(school).map(Organisation::territoryCode).orElse(null)));
        store.forEach(spec.key(), result -> levels.add(result.school(), summary -> summary.add(result)));
        return levels;
    }

    /** A school beside its territory and the region, or the territories and the region when no school is asked for. */
    public record Answer(String spec, Summary.View school, Summary.View territory, Summary.View region,
                         Map<String, Summary.View> territories) {
    }

    public Answer answer(Spec spec, Optional<String> school) throws SQLException {
        Levels<Summary> levels = levels(spec);
        Summary.View region = levels.region().view("region");
        if (school.isPresent()) {
            String territory = CallerContext.asSystem(() -> catalog.organisation(school.get()))
                    .map(Organisation::territoryCode).orElse(Levels.NO_TERRITORY);
            return new Answer(spec.key(), levels.school(school.get()).view(school.get()),
                    levels.territory(territory).view(territory), region, Map.of());
        }
        Map<String, Summary.View> territories = new TreeMap<>();
        levels.territories().forEach((code, summary) -> territories.put(code, summary.view(code)));
        return new Answer(spec.key(), null, null, region, territories);
    }
}
