package uk.nhs.safety.campaign.api;

/** A plan is a draft until published; editing a published plan makes it a draft again until the next publish. */
public enum PlanStatus {
    DRAFT,
    PUBLISHED
}
