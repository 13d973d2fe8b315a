package uk.nhs.safety.campaign.api.cluster;

/** A node's state as the database shows it. */
public enum NodeState {
    /** Its heartbeat is recent. */
    UP,
    /** No heartbeat for several intervals and no clean stop: killed, hung, or cut off from the database. */
    MISSING,
    /** Stopped cleanly. */
    STOPPED
}
