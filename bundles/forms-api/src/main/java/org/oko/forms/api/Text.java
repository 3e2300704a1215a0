package org.oko.forms.api;

/** A text in Russian, the users' language, with an optional English translation. */
public record Text(String ru, String en) {

    public Text {
        if (ru == null || ru.isBlank()) {
            throw new IllegalArgumentException("a text needs its Russian wording");
        }
    }

    public static Text of(String ru) {
        return new Text(ru, null);
    }

    /** The wording for a language ("ru" or "en"); Russian where no translation exists. */
    public String in(String language) {
        return "en".equals(language) && en != null && !en.isBlank() ? en : ru;
    }
}
