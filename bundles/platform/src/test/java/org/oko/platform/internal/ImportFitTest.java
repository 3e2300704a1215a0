package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.VersionRange;

/** A module's Import-Package read as bnd writes it, and checked against what is exported (here: by the module itself). */
class ImportFitTest {

    @Test
    void clausesSharedAttributesQuotedRangesAndOptionalImportsAreRead() {
        List<ImportFit.Need> needs = ImportFit.needs("org.oko.tables.api;version=\"[1.0,2)\",org.a;org.b;version=\"[2.1,3)\","
                + "org.optional;resolution:=optional,org.plain", true);
        assertEquals(List.of(new ImportFit.Need("org.oko.tables.api", new VersionRange("[1.0,2)")),
                new ImportFit.Need("org.a", new VersionRange("[2.1,3)")), new ImportFit.Need("org.b", new VersionRange("[2.1,3)")),
                new ImportFit.Need("org.plain", new VersionRange("0.0.0"))), needs);
    }

    @Test
    void aPackageMissingOrOfAnotherVersionIsNamedWithWhatThereIs() {
        List<String> problems = ImportFit.problems("org.own;version=\"[1.0,2)\",org.oko.platform.api;version=\"[9.0,10)\","
                + "org.gone,org.maybe;resolution:=optional", "org.own;version=\"1.2.0\"", new Bundle[0]);
        assertEquals(List.of("нужен пакет org.oko.platform.api [9.0.0,10.0.0), в этой установке его нет",
                "нужен пакет org.gone 0.0.0, в этой установке его нет"), problems);
        assertEquals(List.of("нужен пакет org.own версии [2.0.0,3.0.0), а в этой установке [1.2.0]"),
                ImportFit.problems("org.own;version=\"[2.0,3)\"", "org.own;version=\"1.2.0\"", new Bundle[0]));
    }
}
