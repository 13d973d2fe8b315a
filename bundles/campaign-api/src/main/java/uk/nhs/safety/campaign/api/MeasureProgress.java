package uk.nhs.safety.campaign.api;

import uk.nhs.safety.campaign.api.spc.SpcResult;

/** A measure with its values analysed as a Making Data Count XmR chart. */
public record MeasureProgress(String odsCode, Measure measure, SpcResult spc) {
}
