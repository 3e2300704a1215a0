package org.oko.analytics.internal.clusters;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/** How the platform reads a cluster model. */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + ClusterModelType.KIND)
public class ClusterModelType extends JsonSpecType<ClusterModel> {

    public static final String KIND = "analytics.clusters";

    public ClusterModelType() {
        super(ClusterModel.class);
    }

    public static ClusterModel parse(String json) {
        return parse(json, ClusterModel.class);
    }
}
