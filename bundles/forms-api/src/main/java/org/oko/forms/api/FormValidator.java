package org.oko.forms.api;

import java.util.List;
import java.util.Map;

/**
 * SPI: a module's own check of a submission, beyond what its definition's rules can say (a
 * whiteboard service; register it with DS). Called after the definition's own rules.
 * <p>
 * Service property {@value #FORM_ID}: the form id it checks (required). The other module SPIs:
 * {@link FormCalculator}, {@link ReportContributor}, {@link FormImporter}.
 */
public interface FormValidator {

    String FORM_ID = "oko.form.id";

    /**
     * @param values the submission's values by key (indicator code or {@code table.column[row]}):
     *               BigDecimal, String, Boolean, LocalDate or List&lt;String&gt;
     */
    List<ValidationMessage> validate(FormDefinition definition, Map<String, Object> values);
}
