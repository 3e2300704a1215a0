package org.oko.olympiad.internal.flags;

import java.util.List;
import java.util.Map;

import org.oko.olympiad.internal.OlympiadReports;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.procedure.api.Flag;
import org.oko.procedure.api.FlagSource;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The olympiad's signs for the centre's risk flags. A monitoring year reports the olympiad that ended in its spring: the
 * olympiad year that began the autumn before (as form 13 does).
 */
@Component(property = ResultsImporter.PROCEDURE + "=olympiad")
public class OlympiadFlagSource implements FlagSource {

    @Reference
    private OlympiadReports reports;

    @Override
    public Map<String, List<Flag>> flags(int year) throws Exception {
        return CallerContext.callAs(Caller.SYSTEM, () -> reports.flags(year - 1));
    }
}
