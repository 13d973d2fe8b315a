package uk.nhs.safety.partner.nhsla.internal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For one member: which of its high-volume and high-value claim areas its published plan addresses, which it does
 * not, and the claims value behind each.
 *
 * @param odsCode          the member
 * @param planVersion      the published plan version read, 0 when the member has published none
 * @param planFocusAreas   the focus areas of that version
 * @param fromYear         first financial year of the claims
 * @param toYear           last financial year
 * @param rule             the area rule used, in words
 * @param areas            the high-volume and high-value areas, largest value first
 * @param addressedPence   value of the high areas' claims behind focus areas the plan names
 * @param unaddressedPence value of the rest of the high areas' claims
 */
public record Linkage(String odsCode, int planVersion, List<String> planFocusAreas, int fromYear, int toYear,
                      String rule, List<AreaLink> areas, long addressedPence, long unaddressedPence) {
    public Linkage {
        planFocusAreas = List.copyOf(planFocusAreas);
        areas = List.copyOf(areas);
    }

    /**
     * One high area of the member.
     *
     * @param specialty  the specialty
     * @param highVolume whether it is high-volume
     * @param highValue  whether it is high-value
     * @param claims     its claims
     * @param valuePence their value
     * @param links      the focus areas the linkage rules map (part of) it to; empty when no rule does
     * @param addressed  whether the plan names at least one of those focus areas
     * @param addressedPence value of the area's claims behind focus areas the plan names (at most its value; a
     *                   claim under two named focus areas counts once only when the rules overlap exactly)
     */
    public record AreaLink(String specialty, boolean highVolume, boolean highValue, long claims, long valuePence,
                           List<FocusLink> links, boolean addressed, long addressedPence) {
        public AreaLink {
            links = List.copyOf(links);
        }
    }

    /**
     * A focus area a claim area maps to, with the claims behind that mapping (the whole specialty for a
     * specialty rule, the matching causes for a cause rule).
     *
     * @param focusArea  the focus-area code
     * @param claims     claims behind it
     * @param valuePence their value
     * @param addressed  whether the plan names it
     */
    public record FocusLink(String focusArea, long claims, long valuePence, boolean addressed) {
    }

    /** Works the linkage out from the member's claim groups, its high areas and its plan's focus areas. */
    public static Linkage of(String ods, int planVersion, List<String> planFocusAreas, ClaimsProfile profile,
                             List<Group> groups, LinkageRules rules) {
        Set<String> plan = Set.copyOf(planFocusAreas);
        Set<String> high = new LinkedHashSet<>(profile.highValue());
        high.addAll(profile.highVolume());
        List<AreaLink> areas = new ArrayList<>();
        long addressed = 0;
        long unaddressed = 0;
        for (Slice s : profile.bySpecialty()) {
            if (!high.contains(s.key())) {
                continue;
            }
            Map<String, long[]> byFocus = new LinkedHashMap<>();
            for (Group g : groups) {
                if (!g.specialty().equals(s.key())) {
                    continue;
                }
                // A claim counts once per focus area even when two rules map it to the same area.
                Set<String> focus = new LinkedHashSet<>();
                for (LinkageRules.Rule r : rules.rules()) {
                    if (r.matches(g.specialty(), g.cause())) {
                        focus.add(r.focusArea());
                    }
                }
                for (String f : focus) {
                    long[] sum = byFocus.computeIfAbsent(f, k -> new long[2]);
                    sum[0] += g.claims();
                    sum[1] += g.valuePence();
                }
            }
            List<FocusLink> links = new ArrayList<>();
            boolean any = false;
            long covered = 0;
            for (Map.Entry<String, long[]> e : byFocus.entrySet()) {
                boolean yes = plan.contains(e.getKey());
                any |= yes;
                if (yes) {
                    covered += e.getValue()[1];
                }
                links.add(new FocusLink(e.getKey(), e.getValue()[0], e.getValue()[1], yes));
            }
            // Two named focus areas can cover the same claims (a specialty rule and a cause rule): cap at the area.
            covered = Math.min(covered, s.valuePence());
            areas.add(new AreaLink(s.key(), profile.highVolume().contains(s.key()),
                    profile.highValue().contains(s.key()), s.claims(), s.valuePence(), links, any, covered));
            addressed += covered;
            unaddressed += s.valuePence() - covered;
        }
        return new Linkage(ods, planVersion, planFocusAreas, profile.fromYear(), profile.toYear(), profile.rule(),
                areas, addressed, unaddressed);
    }
}
