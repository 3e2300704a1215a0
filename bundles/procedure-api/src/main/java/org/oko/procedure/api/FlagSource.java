package org.oko.procedure.api;

import java.util.List;
import java.util.Map;

/**
 * A procedure module's signs on schools offered to the centre's analytics (whiteboard): the risk
 * flags of the region read every registered source, so a module that is installed adds its signs
 * and one that is removed takes them away, without either side knowing the other. A module
 * registers it with the service property {@value ResultsImporter#PROCEDURE} naming itself.
 * Called as the system; the reader's scope is applied by whoever shows the result.
 *
 * @since 1.2
 */
public interface FlagSource {

    /**
     * The signs of the results reported in a monitoring year, by school code: the tests written in
     * that year's spring, the olympiad whose stages ended in that spring.
     */
    Map<String, List<Flag>> flags(int year) throws Exception;
}
