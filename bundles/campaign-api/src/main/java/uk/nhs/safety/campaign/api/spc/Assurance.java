package uk.nhs.safety.campaign.api.spc;

/** The Making Data Count assurance icon: can the process be relied on to meet its target? */
public enum Assurance {
    /** The process limits lie wholly on the good side of the target. */
    CONSISTENTLY_PASSES,
    /** The process limits lie wholly on the bad side of the target. */
    CONSISTENTLY_FAILS,
    /** The target lies between the limits: the process will sometimes meet it and sometimes not. */
    INCONSISTENT,
    /** No target, or a neutral measure, or too few points to say. */
    NOT_APPLICABLE
}
