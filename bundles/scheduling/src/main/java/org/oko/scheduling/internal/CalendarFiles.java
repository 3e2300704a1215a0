package org.oko.scheduling.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.oko.scheduling.api.CalendarYear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A calendar year as JSON: {@code {"year", "source", "note", "dayOffs": [ISO dates], "workingWeekends": [ISO dates]}}. */
final class CalendarFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CalendarFiles() {
    }

    static CalendarYear read(byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        int year = root.path("year").asInt();
        return new CalendarYear(year, dates(root.path("dayOffs")), dates(root.path("workingWeekends")),
                root.path("source").asText("EDITED"));
    }

    static byte[] write(CalendarYear year, String note) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("year", year.year());
        json.put("source", year.source());
        if (note != null) {
            json.put("note", note);
        }
        json.put("dayOffs", new TreeSet<>(year.dayOffs()).stream().map(LocalDate::toString).toList());
        json.put("workingWeekends", new TreeSet<>(year.workingWeekends()).stream().map(LocalDate::toString).toList());
        return JSON.writeValueAsBytes(json);
    }

    static Set<LocalDate> dates(JsonNode list) {
        Set<LocalDate> dates = new TreeSet<>();
        list.forEach(node -> dates.add(LocalDate.parse(node.asText())));
        return dates;
    }

    static List<String> isoList(Set<LocalDate> dates) {
        return new TreeSet<>(dates).stream().map(LocalDate::toString).toList();
    }
}
