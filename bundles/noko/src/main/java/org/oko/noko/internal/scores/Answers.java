package org.oko.noko.internal.scores;

import java.util.LinkedHashMap;
import java.util.Map;

/** A respondent's answers as stored: "q1=1;q2=0" (yes 1, no 0; a question not asked is absent). */
public final class Answers {

    private Answers() {
    }

    public static String write(Map<String, Boolean> answers) {
        StringBuilder text = new StringBuilder();
        answers.forEach((question, yes) -> text.append(text.length() == 0 ? "" : ";").append(question).append('=').append(yes ? '1' : '0'));
        return text.toString();
    }

    public static Map<String, Boolean> read(String text) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(";")) {
                int at = pair.indexOf('=');
                answers.put(pair.substring(0, at), pair.charAt(at + 1) == '1');
            }
        }
        return answers;
    }
}
