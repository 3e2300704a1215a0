package org.oko.scheduling.internal.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CampaignsImplTest {

    @Test
    void theShippedRoadmapComesAsTheJsonOfADefinitionForTheYear() throws Exception {
        String json = new CampaignsImpl().miacRoadmap(2027);
        assertFalse(json.contains("{{YEAR}}"), json);
        CampaignDefinition definition = CampaignService.JSON.readValue(json, CampaignDefinition.class);
        assertEquals("miac-2027", definition.code());
        assertEquals(2027, definition.year());
        assertTrue(definition.step("form-1-autumn").collectsForm());
    }

    @Test
    void aBodyThatIsNoDefinitionIsRefusedBeforeTheServiceIsAsked() {
        CampaignsImpl campaigns = new CampaignsImpl(); // no campaign service: it must not be reached
        assertThrows(IllegalArgumentException.class, () -> campaigns.create("{\"code\": \"x\", \"steps\": 5}"));
        assertThrows(IllegalArgumentException.class, () -> campaigns.create("not json"));
    }
}
