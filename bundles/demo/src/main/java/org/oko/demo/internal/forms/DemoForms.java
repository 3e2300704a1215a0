package org.oko.demo.internal.forms;

import java.util.List;
import java.util.Random;

/** The МИАС forms the demo schools type in (7, 8 and 13 are the modules' to fill), and each school's random source for a form. */
public final class DemoForms {

    public static final List<FormValues> ALL = List.of(new Form1Values(), new Form2Values(), new Form3Values(), new Form4Values(),
            new Form5Values(), new Form6Values(), new Form9Values(), new Form10Values(), new Form11Values(), new Form12Values());

    private DemoForms() {
    }

    public static FormValues of(String form) {
        return ALL.stream().filter(f -> f.form().equals(form)).findFirst().orElseThrow(() -> new IllegalArgumentException(form));
    }

    /**
     * The school's own draws for the form, the same every year: a school keeps its buildings and habits; what
     * changes from year to year comes from its {@link SchoolProfile}.
     */
    public static Random random(String school, String form) {
        return new Random(SchoolProfile.seed(school.hashCode(), form.hashCode()));
    }
}
