package org.oko.analytics.internal.flags;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/** How the platform reads the risk flags' rules. */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + FlagRulesType.KIND)
public class FlagRulesType extends JsonSpecType<FlagRules> {

    public static final String KIND = "analytics.flags";

    public FlagRulesType() {
        super(FlagRules.class);
    }

    public static FlagRules parse(String json) {
        return parse(json, FlagRules.class);
    }
}
