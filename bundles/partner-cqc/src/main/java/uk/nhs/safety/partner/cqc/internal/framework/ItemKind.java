package uk.nhs.safety.partner.cqc.internal.framework;

import java.util.Locale;

import uk.nhs.safety.campaign.api.MeasureType;

/** The kinds of evidence item drawn from a member's published actions and plan. */
public enum ItemKind {
    ACTION,
    PRIMARY_DRIVER,
    SECONDARY_DRIVER,
    CHANGE_IDEA,
    OUTCOME_MEASURE,
    PROCESS_MEASURE,
    BALANCING_MEASURE;

    /** The id used in the mapping file and in the JSON, e.g. {@code change-idea}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a measure of the given type. */
    public static ItemKind of(MeasureType type) {
        return switch (type) {
            case OUTCOME -> OUTCOME_MEASURE;
            case PROCESS -> PROCESS_MEASURE;
            case BALANCING -> BALANCING_MEASURE;
        };
    }
}
