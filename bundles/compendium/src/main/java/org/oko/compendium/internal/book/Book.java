package org.oko.compendium.internal.book;

import java.time.Instant;
import java.util.List;

import org.oko.compendium.api.Chapter;
import org.oko.platform.api.rest.ApiMessage;

/**
 * A built compendium of a region, as kept with its edition and rendered to HTML, PDF and XLSX: the spec it followed, when it was
 * built, its chapters in order, and the spec's sources that were not installed (left out, named for the draft's reader).
 */
public record Book(ApiMessage title, ApiMessage region, int year, String spec, int specVersion, Instant built, List<Chapter> chapters, List<String> missing) {

    public Book {
        chapters = List.copyOf(chapters);
        missing = List.copyOf(missing);
    }
}
