package org.oko.compendium.internal.book;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/** The compendium's spec kind: shipped in OKO-INF/specs/compendium, published anew by the centre. */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + CompendiumSpecType.KIND)
public class CompendiumSpecType extends JsonSpecType<CompendiumSpec> {

    public static final String KIND = "compendium";

    public CompendiumSpecType() {
        super(CompendiumSpec.class);
    }

    public static CompendiumSpec parse(String json) {
        return parse(json, CompendiumSpec.class);
    }
}
