package org.oko.catalog.internal;

import java.util.List;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.Organisation;

/** What import and export need beyond the public service: bulk reads and all-or-nothing writes. */
public interface CatalogStore extends CatalogService {

    List<Organisation> all(OrganisationFilter filter);

    void saveAll(List<Organisation> organisations);

}
