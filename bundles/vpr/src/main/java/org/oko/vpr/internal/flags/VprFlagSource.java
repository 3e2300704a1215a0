package org.oko.vpr.internal.flags;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.procedure.api.Flag;
import org.oko.procedure.api.FlagSource;
import org.oko.procedure.api.ResultsImporter;
import org.oko.vpr.internal.VprService;
import org.oko.vpr.internal.spec.TestSpec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The signs of non-objective ВПР results of a year's tests, for the centre's risk flags; each sign names its test. */
@Component(property = ResultsImporter.PROCEDURE + "=vpr")
public class VprFlagSource implements FlagSource {

    @Reference
    private VprService vpr;

    @Override
    public Map<String, List<Flag>> flags(int year) throws Exception {
        return CallerContext.callAs(Caller.SYSTEM, () -> {
            Map<String, List<Flag>> bySchool = new TreeMap<>();
            for (TestSpec spec : vpr.specs()) {
                if (spec.year() != year) {
                    continue;
                }
                for (Flag flag : vpr.flags(spec.key())) {
                    Map<String, Object> figures = new LinkedHashMap<>(flag.figures());
                    figures.put("test", spec.key());
                    bySchool.computeIfAbsent(flag.school(), s -> new ArrayList<>()).add(new Flag(flag.school(), flag.rule(),
                            TEXTS.ru("vpr.flag.of-test", spec.subjectName(), spec.grade(), flag.title()), flag.explanation(), figures));
                }
            }
            return bySchool;
        });
    }
}
