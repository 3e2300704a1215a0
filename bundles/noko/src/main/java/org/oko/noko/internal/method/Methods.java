package org.oko.noko.internal.method;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.util.List;
import java.util.Optional;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The methods the region has, on the platform's {@link Specs}: a campaign keeps the version it started with. */
@Component(service = Methods.class)
public class Methods {

    public static final Role[] PUBLISHERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference
    private Specs specs;

    /** Only to start after the type is registered. */
    @Reference(target = "(" + SpecType.KIND + "=" + MethodType.KIND + ")")
    private SpecType type;

    /** The newest version of each method. */
    public List<Method> latest() {
        return specs.latest(MethodType.KIND).stream().map(s -> MethodType.parse(s.json())).toList();
    }

    public Optional<Method> version(String key, int version) {
        return specs.version(MethodType.KIND, key, version).map(s -> MethodType.parse(s.json()));
    }

    /** The newest version of a method, or 400 naming it. */
    public Method newest(String key) {
        return latest().stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.INVALID, "noko.no-such-method", key == null ? "" : key));
    }

    public Method publish(String json) {
        CallerContext.require(PUBLISHERS);
        return MethodType.parse(specs.publish(MethodType.KIND, json).json());
    }
}
