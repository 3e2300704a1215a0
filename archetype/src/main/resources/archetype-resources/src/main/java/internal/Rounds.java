package ${package}.internal;

import static ${package}.internal.ModuleTexts.TEXTS;

import java.util.List;
import java.util.NoSuchElementException;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.specs.Specs;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The published specs of this module, read as {@link Spec}s: each round's newest version. */
@Component(service = Rounds.class)
public class Rounds {

    @Reference
    private Specs specs;

    public List<Spec> all() {
        return specs.latest(SpecKind.KIND).stream().map(s -> SpecKind.parse(s.json())).toList();
    }

    public Spec get(String key) {
        return specs.latest(SpecKind.KIND, key).map(s -> SpecKind.parse(s.json()))
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "${moduleId}.no-such-spec", key));
    }
}
