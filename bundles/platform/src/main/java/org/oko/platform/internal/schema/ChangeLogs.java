package org.oko.platform.internal.schema;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/**
 * Where a bundle's schema changes are: its Liquibase change log {@value #CHANGELOG} (tables of core bundles and
 * of modules alike), and a module's plain SQL steps under {@value #STEPS} (docs/modules.md, "Upgrades and
 * rollback"), which become one Liquibase change set each so that both kinds share one history.
 */
final class ChangeLogs {

    static final String CHANGELOG = "OKO-INF/db/changelog.xml";
    static final String STEPS = "OKO-INF/upgrade";
    static final String STEPS_CHANGELOG = "OKO-INF/upgrade/steps.xml";

    private ChangeLogs() {
    }

    static boolean hasChangeLog(Bundle bundle) {
        return bundle.getEntry(CHANGELOG) != null;
    }

    /** The module's SQL steps in the order of their names. */
    static List<String> steps(Bundle bundle) {
        Enumeration<URL> found = bundle.findEntries(STEPS, "*.sql", false);
        List<URL> files = found == null ? new ArrayList<>() : Collections.list(found);
        files.sort(Comparator.comparing(URL::getPath));
        return files.stream().map(u -> u.getPath().substring(u.getPath().lastIndexOf('/') + 1)).toList();
    }

    /**
     * A change log with one change set per SQL step: its id is the file name, its author the module; the
     * PostgreSQL variant under {@code postgresql/} runs there instead. A step an earlier release recorded in
     * {@code PLATFORM_MODULE_STEP} is marked as run, not run again.
     */
    static String stepsChangeLog(Bundle bundle, List<String> steps) {
        String module = bundle.getSymbolicName();
        StringBuilder xml = new StringBuilder(HEADER);
        for (String step : steps) {
            boolean variant = bundle.getEntry(STEPS + "/postgresql/" + step) != null;
            xml.append("  <changeSet id=\"").append(xml(step)).append("\" author=\"").append(xml(module)).append("\">\n")
               .append("    <preConditions onFail=\"MARK_RAN\"><sqlCheck expectedResult=\"0\">SELECT COUNT(*) FROM"
                       + " PLATFORM_MODULE_STEP WHERE MODULE = '").append(sql(module)).append("' AND STEP = '")
               .append(sql(step)).append("'</sqlCheck></preConditions>\n")
               .append("    <comment>").append(xml(bundle.getVersion().toString())).append("</comment>\n")
               .append("    <sqlFile path=\"").append(xml(step)).append("\" relativeToChangelogFile=\"true\" stripComments=\"true\"")
               .append(variant ? " dbms=\"!postgresql\"" : "").append("/>\n");
            if (variant) {
                xml.append("    <sqlFile path=\"postgresql/").append(xml(step))
                   .append("\" relativeToChangelogFile=\"true\" stripComments=\"true\" dbms=\"postgresql\"/>\n");
            }
            xml.append("  </changeSet>\n");
        }
        return xml.append("</databaseChangeLog>\n").toString();
    }

    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                  http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
            """;

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String sql(String text) {
        return xml(text.replace("'", "''"));
    }
}
