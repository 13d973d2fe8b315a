package uk.nhs.safety.campaign.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Measurements of plan measures, and their SPC analysis. Thread-safe; writes are transactional and audited. */
@ProviderType
public interface MeasureService {

    /**
     * Records the value of a measure of the member's current plan for a period; recording a period again replaces
     * the value (the old one stays in the audit trail). Publishes a measurement-recorded event.
     */
    Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                       String annotation);

    /** The measure's values, oldest period first. */
    List<Measurement> measurements(String odsCode, String measureKey);

    /** The measure, its values and their XmR analysis (limits, special causes, variation, assurance). */
    MeasureProgress progress(String odsCode, String measureKey);
}
