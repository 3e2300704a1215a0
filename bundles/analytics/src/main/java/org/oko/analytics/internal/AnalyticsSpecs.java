package org.oko.analytics.internal;

import static org.oko.analytics.internal.AnalyticsTexts.TEXTS;

import java.util.List;

import org.oko.analytics.internal.catalogue.Catalogue;
import org.oko.analytics.internal.catalogue.CatalogueType;
import org.oko.analytics.internal.clusters.ClusterModel;
import org.oko.analytics.internal.clusters.ClusterModelType;
import org.oko.analytics.internal.flags.FlagRules;
import org.oko.analytics.internal.flags.FlagRulesType;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The indicator catalogues, cluster models and risk flags' rules the region has, on the platform's {@link Specs}: the newest version of each. */
@Component(service = AnalyticsSpecs.class)
public class AnalyticsSpecs {

    public static final Role[] PUBLISHERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference
    private Specs specs;

    /** Only to start once both kinds are registered. */
    @Reference(target = "(" + SpecType.KIND + "=" + CatalogueType.KIND + ")")
    private SpecType catalogueType;

    @Reference(target = "(" + SpecType.KIND + "=" + ClusterModelType.KIND + ")")
    private SpecType modelType;

    @Reference(target = "(" + SpecType.KIND + "=" + FlagRulesType.KIND + ")")
    private SpecType flagsType;

    public List<Catalogue> catalogues() {
        return specs.latest(CatalogueType.KIND).stream().map(s -> CatalogueType.parse(s.json())).toList();
    }

    /** The catalogue in use: the newest version of the given key, or of the first one when none is named. */
    public Catalogue catalogue(String key) {
        return catalogues().stream().filter(c -> key == null || c.key().equals(key)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "analytics.no-catalogue", key == null ? "" : key));
    }

    public List<ClusterModel> models() {
        return specs.latest(ClusterModelType.KIND).stream().map(s -> ClusterModelType.parse(s.json())).toList();
    }

    public ClusterModel model(String key) {
        return models().stream().filter(m -> key == null || m.key().equals(key)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "analytics.no-model", key == null ? "" : key));
    }

    public List<FlagRules> flagRules() {
        return specs.latest(FlagRulesType.KIND).stream().map(s -> FlagRulesType.parse(s.json())).toList();
    }

    public FlagRules flagRules(String key) {
        return flagRules().stream().filter(r -> key == null || r.key().equals(key)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "analytics.flags.no-rules", key == null ? "" : key));
    }

    public FlagRules publishFlagRules(String json) {
        CallerContext.require(PUBLISHERS);
        return FlagRulesType.parse(specs.publish(FlagRulesType.KIND, json).json());
    }

    public Catalogue publishCatalogue(String json) {
        CallerContext.require(PUBLISHERS);
        return CatalogueType.parse(specs.publish(CatalogueType.KIND, json).json());
    }

    public ClusterModel publishModel(String json) {
        CallerContext.require(PUBLISHERS);
        return ClusterModelType.parse(specs.publish(ClusterModelType.KIND, json).json());
    }
}
