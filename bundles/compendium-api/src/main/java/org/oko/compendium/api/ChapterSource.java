package org.oko.compendium.api;

import org.oko.platform.api.rest.ApiMessage;

/**
 * A chapter of the yearly compendium (whiteboard). A bundle registers it with the service property {@value #SOURCE}
 * naming it ({@code analytics.indicators}, {@code vpr}); the region's compendium spec lists the sources, in order, with
 * their options. Called as the system from the compendium's background job: aggregates by territory and for the
 * region, never a person's data; a list of schools only where the spec's options ask for one.
 */
public interface ChapterSource {

    /** The service property naming the source in the compendium spec. */
    String SOURCE = "oko.compendium.source";

    /** The chapter's heading when the spec gives none. */
    ApiMessage title();

    /**
     * The year's chapter; {@link Chapter#blocks() no blocks} when there is nothing to show for that year (the
     * compendium then says so under the heading).
     */
    Chapter chapter(ChapterRequest request) throws Exception;
}
