package org.oko.procedure.api;

import java.util.List;

import org.oko.platform.api.rest.ApiMessage;

/**
 * What a procedure module may show of a school in the public school catalogue (whiteboard): aggregates of the
 * school beside the region's, never a person's data and never a sign on the school. A module registers it with the
 * service property {@value ResultsImporter#PROCEDURE} naming itself; the catalogue shows it only while the region
 * publishes that procedure (a setting, off by default). Called as the system, with no reader logged in.
 *
 * @since 1.3
 */
public interface PublicResults {

    /** The procedure's name for the public: the heading of its part of a school's card. */
    ApiMessage title();

    /**
     * A school's published results, newest first; empty when there are none.
     *
     * @param minGroup the fewest people a figure may stand for: a group smaller than this is left out, so that no
     *                 one's result can be told from it
     */
    List<PublicTable> school(String schoolCode, int minGroup) throws Exception;
}
