package org.oko.itests.support;

import static org.junit.Assert.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oko.itests.support.OkoContainerTest.WebSession;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test's values in submissions, each saved with the revision its last save left (the optimistic lock
 * a browser keeps), and the МИАС 1 (miac-1) school the forms' and the campaigns' tests fill in.
 * One per test instance: the revisions it remembers are that test's.
 */
public final class SubmissionValues {

    private final Map<String, Integer> revisions = new HashMap<>();

    /** Saves one value (200 asserted) and returns the submission as the answer shows it. */
    public JsonNode save(WebSession session, long id, String key, Object value) throws Exception {
        String revisionKey = id + ":" + key;
        // Cell keys hold brackets: a path segment carries them percent-encoded, as the browser's encodeURIComponent does.
        HttpResponse<String> response = OkoContainerTest.sendJson(session, "PUT", "/api/submissions/" + id + "/values/"
                        + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"),
                Map.of("value", value, "expectedRevision", revisions.getOrDefault(revisionKey, 0)));
        assertEquals(key + ": " + response.body(), 200, response.statusCode());
        JsonNode view = OkoContainerTest.JSON.readTree(response.body());
        revisions.put(revisionKey, view.get("values").get(key).get("revision").asInt());
        return view;
    }

    /**
     * Saves many values at once (PATCH, all or none; 200 asserted) with the revisions this test last saw, as
     * a pasted block of cells is saved; returns the whole submission as the answer shows it.
     */
    public JsonNode saveAll(WebSession session, long id, Map<String, ?> values) throws Exception {
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        values.forEach((key, value) -> {
            Map<String, Object> entry = new HashMap<>();
            entry.put("key", key);
            entry.put("value", value); // null empties the value
            entry.put("expectedRevision", revisions.getOrDefault(id + ":" + key, 0));
            entries.add(entry);
        });
        HttpResponse<String> response = OkoContainerTest.sendJson(session, "PATCH", "/api/submissions/" + id + "/values",
                Map.of("values", entries));
        assertEquals(values.keySet() + ": " + response.body(), 200, response.statusCode());
        JsonNode view = OkoContainerTest.JSON.readTree(response.body());
        for (String key : values.keySet()) {
            JsonNode saved = view.get("values").get(key);
            revisions.put(id + ":" + key, saved == null ? 0 : saved.get("revision").asInt());
        }
        return view;
    }

    /**
     * A school of 220 pupils in grades 1–10 and 20 teachers: every required value of МИАС 1 but
     * {@code pupils_total} and {@code teachers_highest}, which each test saves itself (SubmissionsIT
     * checks a conflict, a rule and the audit on them).
     */
    public void fillMiac1(WebSession school, long id) throws Exception {
        save(school, id, "settlement", "rural");
        save(school, id, "programmes", List.of("noo", "ooo"));
        save(school, id, "shifts", 1);
        save(school, id, "has_branches", false);
        save(school, id, "classes_total", 10);
        for (int grade = 1; grade <= 11; grade++) {
            save(school, id, "by_grade.classes[" + grade + "]", grade <= 10 ? 1 : 0);
            save(school, id, "by_grade.pupils[" + grade + "]", grade <= 10 ? 22 : 0);
        }
        save(school, id, "by_study_form.pupils[full_time]", 220);
        save(school, id, "by_study_form.pupils[part_time]", 0);
        save(school, id, "by_study_form.pupils[distance]", 0);
        save(school, id, "teachers_total", 20);
        save(school, id, "teachers_first", 8);
        save(school, id, "teachers_under_35", 4);
        save(school, id, "teachers_pensioners", 6);
        for (String facility : List.of("gym", "library", "canteen", "internet_100")) {
            save(school, id, facility, true);
        }
        save(school, id, "computers_for_learning", "30");
    }
}
