package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.procedure.api.Levels;

/** The aggregate per school, territory and region, folded as the module folds it. */
class SummaryTest {

    @Test
    void eachResultCountsForItsSchoolItsTerritoryAndTheRegion() {
        Map<String, String> territoryOf = Map.of("7701001", "01", "7701002", "01", "7702001", "02");
        Levels<Summary> levels = new Levels<>(() -> new Summary(40), territoryOf::get);
        for (Result r : new Result[] {new Result("7701001", "1", 40), new Result("7701001", "2", 10),
            new Result("7701002", "1", 70), new Result("7702001", "1", 39), new Result("7709999", "1", 100)}) {
            levels.add(r.school(), s -> s.add(r));
        }

        assertEquals(new Summary.View("7701001", 2, 25.0, 50.0), levels.school("7701001").view("7701001"));
        assertEquals(new Summary.View("01", 3, 40.0, 66.7), levels.territory("01").view("01"));
        assertEquals(new Summary.View("02", 1, 39.0, 0.0), levels.territory("02").view("02"));
        // A school the catalog does not place still counts for the region.
        assertEquals(1, levels.territory(Levels.NO_TERRITORY).participants());
        assertEquals(new Summary.View("region", 5, 51.8, 60.0), levels.region().view("region"));
    }

    @Test
    void noParticipantsNoFigures() {
        Summary empty = new Summary(40);
        assertNull(empty.mean());
        assertNull(empty.passedPercent());
    }
}
