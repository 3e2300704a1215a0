package org.oko.demo.internal.catalog;

import java.util.List;

import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.Region;
import org.oko.catalog.api.Territory;

/**
 * A synthetic region for demos and benchmarks: 40 territories, about 700 schools and 60 branches, the
 * ministry, the regional centre and one municipal authority per territory. Every name is invented and the
 * region's name says so, so demo data cannot pass for a real catalog. The same seed gives the same region.
 */
public final class DemoRegion {

    public static final long DEFAULT_SEED = 20_240_901L;
    public static final String REGION_CODE = "99";
    public static final String REGION_NAME = "Демонстрационная область (синтетические данные)";
    public static final String MINISTRY_CODE = "990000";
    public static final String REGIONAL_CENTRE_CODE = "990001";

    private final Region region;
    private final List<Territory> territories;
    private final List<Organisation> organisations;

    DemoRegion(Region region, List<Territory> territories, List<Organisation> organisations) {
        this.region = region;
        this.territories = List.copyOf(territories);
        this.organisations = List.copyOf(organisations);
    }

    /** The demo region every installation shows: always the same data. */
    public static DemoRegion generate() {
        return generate(DEFAULT_SEED);
    }

    public static DemoRegion generate(long seed) {
        return new DemoGenerator(seed).generate();
    }

    public Region region() {
        return region;
    }

    /** Territories ordered by code ("01".."40"). */
    public List<Territory> territories() {
        return territories;
    }

    /**
     * All organisations, each after every organisation it refers to (founder, head school, successor),
     * so they can be imported in this order.
     */
    public List<Organisation> organisations() {
        return organisations;
    }
}
