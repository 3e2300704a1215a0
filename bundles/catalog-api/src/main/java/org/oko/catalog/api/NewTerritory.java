package org.oko.catalog.api;

/**
 * A territory an import creates (or would create) from the name a file gives.
 *
 * @param code          the code it gets: the first free of T001…T999
 * @param name          as the file writes it
 * @param type          guessed from the name (городской округ, муниципальный округ, else район)
 * @param authorityCode its education authority, created with it unless the file brings one
 * @param organisations rows of the file in it
 * @since 1.1
 */
public record NewTerritory(String code, String name, TerritoryType type, String authorityCode, int organisations) {
}
