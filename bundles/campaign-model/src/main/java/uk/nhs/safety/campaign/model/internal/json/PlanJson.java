package uk.nhs.safety.campaign.model.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.PlanContent;

/**
 * Plan content as the store keeps it: JSON, dates as ISO strings. One configured mapper per instance; thread-safe.
 * Unknown properties are ignored on reading so that content stored by an older or newer bundle still loads.
 */
public final class PlanJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(PlanContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new CampaignException("cannot store the plan content as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public PlanContent read(String json) {
        try {
            return mapper.readValue(json, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new CampaignException("stored plan content is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
