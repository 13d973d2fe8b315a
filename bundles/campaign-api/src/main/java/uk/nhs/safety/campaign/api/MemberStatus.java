package uk.nhs.safety.campaign.api;

/** Campaign membership: an active member, or one that has withdrawn (kept, with its history, never deleted). */
public enum MemberStatus {
    ACTIVE,
    WITHDRAWN
}
