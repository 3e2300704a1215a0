package org.oko.demo.internal.forms;

import java.util.Map;
import java.util.Random;

/**
 * The values a demo school types into one МИАС form: plausible for the school's profile and consistent with every
 * rule of the form (no error and no warning, so that the submission can be sent). The random source is the
 * school's own for the form, so the demo is the same at every start.
 */
public interface FormValues {

    /** The form's id, as {@code miac-2}. */
    String form();

    Map<String, Object> values(SchoolProfile school, Random random);

    /** What the municipal coordinator writes when sending the submission back. */
    default String returnComment() {
        return "Проверьте данные формы: не сходятся с формой 1";
    }
}
