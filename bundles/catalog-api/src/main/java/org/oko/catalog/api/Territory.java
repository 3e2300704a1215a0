package org.oko.catalog.api;

/**
 * A municipal district, okrug or city district of the region.
 *
 * @param code    unique in the region, as the region issues it
 * @param name    e.g. "Берёзовский муниципальный район"
 * @param type    kind of municipal formation
 * @param version optimistic-lock version; 0 for a new territory
 */
public record Territory(String code, String name, TerritoryType type, long version) {
}
