package org.oko.catalog.api;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An organisation of the catalog: a school (ОО), a branch of one, or a non-school organisation.
 *
 * @param code           unique in the region, as the region issues it (e.g. the ФИС ОКО code); text, leading zeros kept
 * @param kind           what the organisation is
 * @param fullName       full official name
 * @param shortName      short name
 * @param founderType    for schools: municipal, state, federal, private; null for other kinds
 * @param founderCode    code of the founding organisation in the catalog (the municipal authority, or the
 *                       ministry for state schools); null for federal and private schools
 * @param territoryCode  territory; null only for region-level organisations (ministry, regional centre)
 * @param settlementType city or rural; required for schools
 * @param levels         education levels offered (schools)
 * @param inn            ИНН, 10 or 12 digits, optional
 * @param ogrn           ОГРН, 13 digits, optional
 * @param address        postal address
 * @param status         active or closed
 * @param closedOn       date of closing; set exactly when closed
 * @param parentCode     for a branch (филиал): the code of its head organisation
 * @param successorCode  for a closed organisation merged into another: the successor's code
 * @param version        optimistic-lock version; 0 for a new organisation. An update with an old version fails.
 */
public record Organisation(String code, OrganisationKind kind, String fullName, String shortName,
                           FounderType founderType, String founderCode, String territoryCode,
                           SettlementType settlementType, Set<EducationLevel> levels,
                           String inn, String ogrn, String address,
                           OrganisationStatus status, LocalDate closedOn,
                           String parentCode, String successorCode, long version) {

    public Organisation {
        // In level order (НОО, ООО, СОО), immutable.
        levels = levels == null || levels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(levels));
    }
}
