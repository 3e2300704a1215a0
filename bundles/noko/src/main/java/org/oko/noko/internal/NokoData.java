package org.oko.noko.internal;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.oko.noko.internal.store.AnswerStore;
import org.oko.noko.internal.store.CampaignStore;
import org.oko.noko.internal.store.CheckStore;
import org.oko.noko.internal.store.PlanStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The module's stores on OKO's data source and its settings, in one place for its services. */
@Component(service = NokoData.class, configurationPid = "org.oko.noko")
@Designate(ocd = NokoSettings.class)
public class NokoData {

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    private CampaignStore campaigns;
    private AnswerStore answers;
    private CheckStore checks;
    private PlanStore plans;
    private volatile NokoSettings settings;
    /** Moves on whenever a campaign is created or changes state, so that what the survey keeps in memory is renewed. */
    private final java.util.concurrent.atomic.AtomicLong campaignGeneration = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    void activate(NokoSettings settings) {
        campaigns = new CampaignStore(dataSource);
        answers = new AnswerStore(dataSource);
        checks = new CheckStore(dataSource);
        plans = new PlanStore(dataSource);
        this.settings = settings;
    }

    @Modified
    void modified(NokoSettings settings) {
        this.settings = settings;
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    public AnswerStore answers() {
        return answers;
    }

    public CheckStore checks() {
        return checks;
    }

    public PlanStore plans() {
        return plans;
    }

    public long campaignGeneration() {
        return campaignGeneration.get();
    }

    public void campaignsChanged() {
        campaignGeneration.incrementAndGet();
    }

    public NokoSettings settings() {
        return settings;
    }

    /** The folder of evidence files. */
    public Path evidenceFolder() {
        String set = settings.evidence_folder();
        return set == null || set.isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "oko", "noko-evidence") : Path.of(set);
    }
}
