package uk.nhs.safety.campaign.api;

import uk.nhs.safety.campaign.api.spc.SpcResult;

/** A measure with its values analysed as a Making Data Count chart of the measure's type and rule profile. */
public record MeasureProgress(String odsCode, Measure measure, SpcResult spc) {
}
