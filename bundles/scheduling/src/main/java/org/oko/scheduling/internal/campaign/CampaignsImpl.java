package org.oko.scheduling.internal.campaign;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oko.scheduling.api.Campaigns;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

/** {@link Campaigns}: the campaign service as other bundles see it, with definitions as JSON. */
@Component(service = Campaigns.class)
public class CampaignsImpl implements Campaigns {

    @Reference
    private CampaignService campaigns;

    @Override
    public LocalDate today() {
        return campaigns.today();
    }

    @Override
    public boolean exists(String code) {
        return campaigns.list().stream().anyMatch(c -> c.definition().code().equals(code));
    }

    @Override
    public String miacRoadmap(int year) {
        return shippedMiacRoadmap(year);
    }

    @Override
    public List<Step> create(String definitionJson) {
        CampaignDefinition definition;
        try {
            definition = CampaignService.JSON.readValue(definitionJson, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(TEXTS.text("campaign.not-a-definition", e.getOriginalMessage()).joined(), e);
        }
        try {
            campaigns.create(definition);
        } catch (CampaignService.CampaignException e) {
            if (e.conflict()) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            throw new IllegalArgumentException(e.getMessage() + (e.problems() == null ? "" : " " + e.problems()), e);
        }
        Map<String, Optional<LocalDate>> deadlines = campaigns.deadlines(definition, campaigns.events(definition.code()));
        List<Step> steps = new ArrayList<>();
        for (CampaignDefinition.Step step : definition.steps()) {
            steps.add(new Step(step.id(), step.form(), step.period(), deadlines.get(step.id()).orElse(null)));
        }
        return steps;
    }

    @Override
    public void markDone(String code, String stepId, boolean done) {
        campaigns.markDone(code, stepId, done);
    }

    /** {@code campaigns/miac-roadmap.json} with the year filled in. */
    static String shippedMiacRoadmap(int year) {
        try (InputStream in = CampaignsImpl.class.getResourceAsStream("/campaigns/miac-roadmap.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{YEAR}}", String.valueOf(year));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped MIAS roadmap is unreadable", e);
        }
    }

    static CampaignDefinition miacTemplate(int year) {
        try {
            return CampaignService.JSON.readValue(shippedMiacRoadmap(year), CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the shipped MIAS roadmap is unreadable", e);
        }
    }
}
