package org.oko.gto.internal.form8;

import java.util.Map;
import java.util.Set;

import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormDefinition;
import org.oko.gto.internal.GtoService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Fills МИАС form 8 from the ГТО results while the module is installed (the forms SPI): the school's
 * counts of the year of the form's period. The school still checks the form and submits it through the
 * usual workflow; without the module the same fields are typed in, and what was typed shows again once the
 * module is removed.
 */
@Component(service = FormCalculator.class, property = FormCalculator.FORM_ID + "=" + Form8Values.FORM)
public class Form8Calculator implements FormCalculator {

    @Reference
    private GtoService gto;

    @Override
    public Set<String> provides(FormDefinition definition) {
        return FormCalculator.present(definition, Form8Values.keys());
    }

    @Override
    public Map<String, Object> calculate(FormDefinition definition, String organisationCode, String period, Map<String, Object> values) {
        try {
            return Form8Values.of(gto.schoolTally(organisationCode, Form8Values.year(period)), provides(definition));
        } catch (Exception e) {
            throw new IllegalStateException(e); // the form shows one error message; the log has the cause
        }
    }
}
