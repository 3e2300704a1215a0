package org.oko.forms.internal.submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormImporter;
import org.oko.forms.internal.workbook.WorkbookImporter;
import org.oko.forms.api.FormValidator;
import org.oko.forms.api.ReportContributor;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module SPI services that are registered now, by the form id of their {@code oko.form.id}
 * property (whiteboard: modules come and go, nothing here restarts for them). Services without
 * the property are ignored with a warning.
 */
@Component(service = Whiteboard.class)
public class Whiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);
    static final Pattern IMPORTER_ID = Pattern.compile("[a-z0-9-]{1,40}");

    /** One registered service: its form, its id (importers) and its service id, which orders them by registration. */
    record Entry<T>(T service, String formId, String id, long serviceId) {
    }

    private final List<Entry<FormValidator>> validators = new CopyOnWriteArrayList<>();
    private final List<Entry<FormCalculator>> calculators = new CopyOnWriteArrayList<>();
    private final List<Entry<ReportContributor>> contributors = new CopyOnWriteArrayList<>();
    private final List<Entry<FormImporter>> importers = new CopyOnWriteArrayList<>();

    /** A form's services, in their order: what every save and view asks for. */
    private record OfForm(List<FormValidator> validators, List<FormCalculator> calculators, List<ReportContributor> contributors,
                          Map<String, FormImporter> importers) {
    }

    /**
     * Each form's services as last worked out; replaced by an empty map at every service coming or going (after
     * the lists changed), so that a lookup never keeps what it worked out from the lists before the change.
     */
    private volatile Map<String, OfForm> byForm = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addValidator(FormValidator validator, Map<String, Object> properties) {
        add(validators, validator, properties, "validator");
    }

    void removeValidator(FormValidator validator) {
        validators.removeIf(e -> e.service() == validator);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCalculator(FormCalculator calculator, Map<String, Object> properties) {
        add(calculators, calculator, properties, "calculator");
    }

    void removeCalculator(FormCalculator calculator) {
        calculators.removeIf(e -> e.service() == calculator);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(ReportContributor contributor, Map<String, Object> properties) {
        add(contributors, contributor, properties, "report contributor");
    }

    void removeContributor(ReportContributor contributor) {
        contributors.removeIf(e -> e.service() == contributor);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addImporter(FormImporter importer, Map<String, Object> properties) {
        Object id = properties.get(FormImporter.IMPORTER_ID);
        if (id == null || !IMPORTER_ID.matcher(String.valueOf(id)).matches()) {
            LOG.warn("Importer {} ignored: property {} must match {}", importer.getClass().getName(), FormImporter.IMPORTER_ID, IMPORTER_ID);
            return;
        }
        add(importers, importer, properties, "importer");
    }

    void removeImporter(FormImporter importer) {
        importers.removeIf(e -> e.service() == importer);
        changed();
    }

    private void changed() {
        byForm = new ConcurrentHashMap<>();
    }

    private <T> void add(List<Entry<T>> list, T service, Map<String, Object> properties, String kind) {
        Object formId = properties.get(FormValidator.FORM_ID);
        if (formId == null) {
            LOG.warn("Form {} {} ignored: it has no service property {}", kind, service.getClass().getName(), FormValidator.FORM_ID);
            return;
        }
        Object id = properties.get(FormImporter.IMPORTER_ID);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        list.add(new Entry<>(service, String.valueOf(formId), id == null ? null : String.valueOf(id),
                serviceId instanceof Long number ? number : Long.MAX_VALUE));
        changed();
        LOG.info("Form {} {} registered for form {}", kind, service.getClass().getName(), formId);
    }

    private static <T> List<T> of(List<Entry<T>> list, String formId) {
        List<Entry<T>> found = new ArrayList<>();
        for (Entry<T> entry : list) {
            if (entry.formId().equals(formId)) {
                found.add(entry);
            }
        }
        found.sort(Comparator.comparingLong(Entry::serviceId));
        return found.stream().map(Entry::service).toList();
    }

    List<FormValidator> validators(String formId) {
        return ofForm(formId).validators();
    }

    List<FormCalculator> calculators(String formId) {
        return ofForm(formId).calculators();
    }

    List<ReportContributor> contributors(String formId) {
        return ofForm(formId).contributors();
    }

    private OfForm ofForm(String formId) {
        Map<String, OfForm> kept = byForm;
        OfForm found = kept.get(formId);
        if (found == null) {
            found = new OfForm(of(validators, formId), of(calculators, formId), of(contributors, formId), findImporters(formId));
            kept.put(formId, found);
        }
        return found;
    }

    /**
     * The importers of a form by id; of two with one id the first registered serves. Every form also has its own
     * workbook's ({@link WorkbookImporter}), last, unless a module took its id.
     */
    Map<String, FormImporter> importers(String formId) {
        return ofForm(formId).importers();
    }

    private Map<String, FormImporter> findImporters(String formId) {
        Map<String, FormImporter> byId = new LinkedHashMap<>();
        importers.stream().filter(e -> e.formId().equals(formId)).sorted(Comparator.comparingLong(Entry::serviceId))
                .forEach(e -> byId.putIfAbsent(e.id(), e.service()));
        byId.putIfAbsent(WorkbookImporter.ID, WorkbookImporter.INSTANCE);
        return java.util.Collections.unmodifiableMap(byId);
    }
}
