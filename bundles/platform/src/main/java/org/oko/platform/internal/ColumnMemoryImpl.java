package org.oko.platform.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.tables.api.ColumnMemory;
import org.oko.tables.api.Headers;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Column mappings of imports on the platform's persistence unit, one set per kind of import. */
@Component(service = ColumnMemory.class)
public class ColumnMemoryImpl implements ColumnMemory {

    /** Longer headers are someone's note in a header cell, not worth remembering. */
    private static final int MAX_HEADER = 200;
    private static final int MAX_COLUMN = 80;

    @Reference(target = "(osgi.unit.name=oko-platform)")
    private JpaTemplate jpa;

    @Override
    public Map<String, String> remembered(String kind) {
        return jpa.txExpr(em -> em.createQuery("SELECT c FROM ImportColumnEntity c WHERE c.kind = :kind", ImportColumnEntity.class)
                .setParameter("kind", kind).getResultList().stream()
                .collect(Collectors.toMap(ImportColumnEntity::header, ImportColumnEntity::column, (a, b) -> a)));
    }

    @Override
    public void remember(String kind, Map<String, String> choices) {
        if (choices.isEmpty()) {
            return;
        }
        jpa.tx(em -> choices.forEach((rawHeader, rawColumn) -> {
            String header = Headers.normalise(rawHeader);
            String column = rawColumn == null ? "" : rawColumn.strip();
            if (header.isEmpty() || header.length() > MAX_HEADER || column.length() > MAX_COLUMN) {
                return;
            }
            ImportColumnEntity entity = em.find(ImportColumnEntity.class, ImportColumnEntity.id(kind, header));
            if (entity == null) {
                em.persist(new ImportColumnEntity(kind, header, column));
            } else {
                entity.column(column);
            }
        }));
    }
}
