package org.oko.compendium.api;

import java.util.Map;

/**
 * What a chapter is asked for.
 *
 * @param year    the compendium's year (a school year is named by the year it ends in, as the forms' periods)
 * @param options the spec's options for this chapter (strings, numbers, booleans and lists, as the JSON gave them)
 */
public record ChapterRequest(int year, Map<String, Object> options) {

    public ChapterRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public String text(String key, String fallback) {
        Object value = options.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    public int number(String key, int fallback) {
        Object value = options.get(key);
        return value instanceof Number n ? n.intValue() : value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    public boolean flag(String key, boolean fallback) {
        Object value = options.get(key);
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }
}
