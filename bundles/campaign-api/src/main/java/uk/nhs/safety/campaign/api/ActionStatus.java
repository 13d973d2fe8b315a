package uk.nhs.safety.campaign.api;

/** Where a pledge action stands. */
public enum ActionStatus {
    PLANNED,
    IN_PROGRESS,
    DONE
}
