package uk.nhs.safety.campaign.api.spc;

/** Which way a measure improves. */
public enum ImprovementDirection {
    /** Higher is better. */
    UP,
    /** Lower is better. */
    DOWN,
    /** Neither: special causes are reported as neutral. */
    NEUTRAL
}
