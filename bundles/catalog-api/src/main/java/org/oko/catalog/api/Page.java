package org.oko.catalog.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the page's items
 * @param total how many items match in all
 * @param page  zero-based page number
 * @param size  page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {
}
