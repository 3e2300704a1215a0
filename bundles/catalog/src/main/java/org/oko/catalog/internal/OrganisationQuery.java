package org.oko.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.oko.catalog.api.OrganisationFilter;
import org.oko.platform.api.security.Scope;

/** The WHERE clause of an organisation filter, with its parameters. */
final class OrganisationQuery {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private final boolean empty;

    /** The filter, cut to the caller's scope. */
    OrganisationQuery(OrganisationFilter filter, Scope scope) {
        empty = !scope.wholeRegion() && scope.organisationCodes().isEmpty();
        if (!scope.wholeRegion()) {
            add("o.code IN :scope", "scope", List.copyOf(scope.organisationCodes()));
        }
        add("o.territoryCode = :territory", "territory", filter.territoryCode());
        add("o.founderCode = :founder", "founder", filter.founderCode());
        add("o.founderType = :founderType", "founderType", filter.founderType());
        add("o.status = :status", "status", filter.status());
        add("o.kind = :kind", "kind", filter.kind());
        String text = SearchText.normalise(filter.text());
        if (!text.isEmpty()) {
            // Every word must occur somewhere: "сош 5 березовка" finds «СОШ № 5 с. Берёзовка».
            int i = 0;
            for (String word : text.split(" ")) {
                add("o.searchText LIKE :w" + i, "w" + i, "%" + word.replace("%", "").replace("_", "") + "%");
                i++;
            }
        }
    }

    /** Nothing can match: the caller's scope is empty. */
    boolean empty() {
        return empty;
    }

    private void add(String condition, String name, Object value) {
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            return;
        }
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        parameters.put(name, value);
    }

    String where() {
        return where.toString();
    }

    void bind(TypedQuery<?> query) {
        parameters.forEach(query::setParameter);
    }
}
