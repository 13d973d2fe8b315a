package uk.nhs.safety.campaign.api;

/** Model for Improvement measure families. */
public enum MeasureType {
    /** Measures the aim. */
    OUTCOME,
    /** Measures a driver: are we doing what we said? */
    PROCESS,
    /** Watches for harm the change might cause elsewhere. */
    BALANCING
}
