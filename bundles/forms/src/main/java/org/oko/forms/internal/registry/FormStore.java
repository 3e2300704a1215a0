package org.oko.forms.internal.registry;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The published form versions in the database. */
@Component(service = FormStore.class)
public class FormStore {

    @Reference(target = "(osgi.unit.name=oko-forms)")
    private JpaTemplate jpa;

    public Optional<FormVersionEntity> find(String key) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(FormVersionEntity.class, key)));
    }

    public void save(FormVersionEntity version) {
        jpa.tx(em -> em.persist(version));
    }

    public List<FormVersionEntity> all() {
        return jpa.txExpr(em -> em.createQuery(
                "SELECT v FROM FormVersionEntity v ORDER BY v.formId, v.version DESC", FormVersionEntity.class).getResultList());
    }
}
