package uk.nhs.safety.campaign.api.pdsa;

/** What the Act stage of a PDSA cycle decided about the change tested. */
public enum PdsaDecision {
    /** The change works: make it part of how things are done. */
    ADOPT,
    /** Change the change and test it again in a further cycle (which names this one as the cycle it follows). */
    ADAPT,
    /** The change did not work: stop testing it. */
    ABANDON
}
