package uk.nhs.safety.partner.nhsi.internal.alignment;

import java.util.List;

import uk.nhs.safety.campaign.api.OrganisationType;

/**
 * How one member's published plan aligns with the national priorities.
 *
 * @param odsCode           the member
 * @param name              its name
 * @param type              its organisation type
 * @param region            its region, or null
 * @param planStatus        {@code published}, {@code unpublished} (a working copy never published) or {@code none}
 * @param planVersion       the published version read, 0 when none
 * @param collaborative     its Patient Safety Collaborative
 * @param catalogueVersion  the catalogue version used
 * @param priorities        each priority of the catalogue, in catalogue order
 * @param expected          how many priorities the member is expected to address
 * @param expectedAddressed how many of those its published plan addresses
 * @param coverage          expectedAddressed / expected × 100, one decimal; null when nothing is expected
 * @param rule              the coverage rule in words
 */
public record Alignment(String odsCode, String name, OrganisationType type, String region, String planStatus,
                        int planVersion, CollaborativeMatch collaborative, String catalogueVersion,
                        List<PriorityAlignment> priorities, int expected, int expectedAddressed, Double coverage,
                        String rule) {
    public Alignment {
        priorities = List.copyOf(priorities);
    }

    /** The coverage rule, stated. */
    public static final String RULE = "coverage = priorities the published plan addresses among those the member is"
            + " expected to address, as a percentage. A priority is expected when it applies to the member's"
            + " organisation type and either the catalogue expects it of every member of that type, or the member"
            + " reported at least the priority's trigger number of incidents in its trigger categories in the"
            + " alignment window (and at least the trigger's share of all its incidents there, where it gives one)."
            + " It is addressed when the plan names one of its focus areas, or one of its keywords"
            + " begins a word of the plan's aim, drivers, change ideas or measures.";

    /**
     * One priority for one member.
     *
     * @param key       the priority's key
     * @param name      its name
     * @param applies   whether it applies to the member's organisation type
     * @param expected  whether the member is expected to address it
     * @param why       why it is expected (or null)
     * @param addressed whether the published plan addresses it
     * @param evidence  what in the plan addresses it (at most five items)
     */
    public record PriorityAlignment(String key, String name, boolean applies, boolean expected, String why,
                                    boolean addressed, List<String> evidence) {
        public PriorityAlignment {
            evidence = List.copyOf(evidence);
        }

        /** Expected but not addressed. */
        public boolean gap() {
            return expected && !addressed;
        }
    }

    /**
     * The member's Patient Safety Collaborative.
     *
     * @param key        the collaborative's key, or null when none could be decided
     * @param name       its name, or null
     * @param how        how it was found (configured, postcode area, region) or why none was
     * @param candidates when the region alone was ambiguous, the collaboratives that cover it
     */
    public record CollaborativeMatch(String key, String name, String how, List<String> candidates) {
        public CollaborativeMatch {
            candidates = List.copyOf(candidates);
        }
    }
}
