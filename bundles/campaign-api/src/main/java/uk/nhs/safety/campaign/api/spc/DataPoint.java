package uk.nhs.safety.campaign.api.spc;

import java.time.LocalDate;

/** One value in time order, input to the analysis. */
public record DataPoint(LocalDate period, double value) {
}
