package uk.nhs.safety.campaign.api.spc;

/**
 * Which points count towards the "2 of 3 beyond two sigma" rule: the reference tools disagree.
 *
 * @since 1.1
 */
public enum TwoOfThreeRule {
    /**
     * Making Data Count as taught since November 2023 (announced in NHSRplotthedots issue #194): every point beyond
     * two sigma on one side counts, including points beyond the process limits; the third point of the window may
     * lie anywhere.
     */
    INCLUDING_BEYOND_LIMITS,
    /**
     * NHSRplotthedots 0.2.2 ({@code ptd_spc_standard}, {@code ptd_two_in_three}): only points between two sigma and
     * the limit count ("close to limits", points beyond the limits excluded), and all three points of the window
     * must lie on the same side of the mean (its fix of issue #143).
     */
    EXCLUDING_BEYOND_LIMITS
}
