package org.oko.catalog.internal.shell;

import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;

@Command(scope = "oko", name = "catalog-create", description = "Creates an organisation in the catalog")
@Service
public class CatalogCreateCommand extends OrganisationOptions {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "code", required = true, description = "new organisation code")
    private String code;

    @Override
    Object run() {
        Organisation blank = new Organisation(code, OrganisationKind.SCHOOL, null, null, null, null, null, null, Set.of(),
                null, null, null, OrganisationStatus.ACTIVE, null, null, null, 0);
        Organisation draft = applyTo(blank);
        if (draft.shortName() == null) {
            draft = new Organisation(draft.code(), draft.kind(), draft.fullName(), draft.fullName(), draft.founderType(),
                    draft.founderCode(), draft.territoryCode(), draft.settlementType(), draft.levels(), draft.inn(),
                    draft.ogrn(), draft.address(), draft.status(), draft.closedOn(), draft.parentCode(), null, 0);
        }
        OrganisationTable.details(out(), catalog.create(draft));
        return null;
    }
}
