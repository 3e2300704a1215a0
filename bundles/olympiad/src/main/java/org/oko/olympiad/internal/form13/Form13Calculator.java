package org.oko.olympiad.internal.form13;

import java.util.Map;
import java.util.Set;

import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormDefinition;
import org.oko.olympiad.internal.OlympiadReports;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Fills МИАС form 13 from the olympiad's results while the module is installed (the forms SPI): the
 * school's counts of the olympiad the form's period reports. The school still checks the form and
 * submits it through the usual workflow; without the module the same fields are typed in.
 */
@Component(service = FormCalculator.class, property = FormCalculator.FORM_ID + "=" + Form13Values.FORM)
public class Form13Calculator implements FormCalculator {

    @Reference
    private OlympiadReports reports;

    @Override
    public Set<String> provides(FormDefinition definition) {
        return FormCalculator.present(definition, Form13Values.keys());
    }

    @Override
    public Map<String, Object> calculate(FormDefinition definition, String organisationCode, String period, Map<String, Object> values) {
        try {
            return Form13Values.of(reports.schoolTally(organisationCode, Form13Values.academicYear(period)), provides(definition));
        } catch (Exception e) {
            throw new IllegalStateException(e); // the form shows one error message; the log has the cause
        }
    }
}
