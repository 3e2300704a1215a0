package org.oko.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oko.catalog.api.CatalogTransfer;
import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.ImportOptions;
import org.oko.catalog.api.ImportReport;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.Territory;
import org.oko.catalog.internal.io.CatalogFileReader;
import org.oko.catalog.internal.io.CatalogFileWriter;
import org.oko.catalog.internal.io.ImportPlanner;
import org.oko.catalog.internal.io.ParsedFile;
import org.oko.tables.api.ColumnMemory;
import org.oko.tables.api.ColumnMapping;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Import (check everything, then write everything in one transaction) and export of the catalog. */
@Component(configurationPid = "org.oko.catalog", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CatalogTransferImpl implements CatalogTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogTransferImpl.class);

    /** Under this kind the catalogue's column choices are remembered. */
    static final String IMPORT_KIND = "catalog";

    @Reference
    private CatalogStore store;

    @Reference
    private ColumnMemory columnMemory;

    private volatile long maxBytes;

    @Activate
    @Modified
    void configure(CatalogConfig config) {
        maxBytes = config.import_max_mb() * 1024L * 1024L;
    }

    @Override
    public ImportReport importFile(String fileName, InputStream content, ImportOptions options) throws IOException {
        CatalogAccess.writer();
        boolean dryRun = options.dryRun();
        long started = System.nanoTime();
        ParsedFile file = new CatalogFileReader(maxBytes).read(fileName, content, options.columns(), columnMemory.remembered(IMPORT_KIND));
        Map<String, Organisation> existing = store.all(OrganisationFilter.ALL).stream()
                .collect(Collectors.toMap(Organisation::code, Function.identity()));
        Map<String, List<String>> authorities = existing.values().stream()
                .filter(o -> o.kind() == OrganisationKind.MUNICIPAL_AUTHORITY && o.territoryCode() != null
                        && o.status() == org.oko.catalog.api.OrganisationStatus.ACTIVE)
                .collect(Collectors.groupingBy(Organisation::territoryCode, Collectors.mapping(Organisation::code, Collectors.toList())));
        Map<String, Contacts> contacts = store.allContacts();
        ImportPlanner.Plan plan = new ImportPlanner().plan(file, code -> Optional.ofNullable(existing.get(code)),
                code -> Optional.ofNullable(contacts.get(code)),
                territory -> authorities.getOrDefault(territory, List.of()), store.territories(), options);
        ImportReport report = plan.report();
        if (!dryRun && report.errors().isEmpty()) {
            store.saveAll(plan.newTerritories(), plan.toSave(), plan.contacts());
            columnMemory.remember(IMPORT_KIND, ColumnMapping.choices(report.columns()));
            report = new ImportReport(false, true, report.rows(), report.created(), report.changed(),
                    report.unchanged(), report.outcomes(), report.errors(), report.warnings(), report.newTerritories(), report.columns());
        }
        LOG.info("Catalog import of {}: {} rows, {} created, {} changed, {} unchanged, {} errors, {} in {} ms",
                fileName, report.rows(), report.created(), report.changed(), report.unchanged(), report.errors().size(),
                report.applied() ? "applied" : dryRun ? "dry run" : "nothing written",
                (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    @Override
    public void export(FileFormat format, OrganisationFilter filter, OutputStream out) throws IOException {
        List<Organisation> organisations = store.all(filter);
        Map<String, Territory> territories = store.territories().stream()
                .collect(Collectors.toMap(Territory::code, Function.identity()));
        new CatalogFileWriter().write(format, organisations, territories, store.allContacts(), out);
    }
}
