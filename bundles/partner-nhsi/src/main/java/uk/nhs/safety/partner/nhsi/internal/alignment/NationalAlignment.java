package uk.nhs.safety.partner.nhsi.internal.alignment;

import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.PriorityAlignment;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue;
import uk.nhs.safety.partner.nhsi.internal.catalogue.Catalogue.Priority;

/**
 * The national table: for each priority, how many members it applies to, how many are expected to address it and
 * how many of those do; and the members whose plans are missing or unpublished.
 *
 * @param catalogueVersion the catalogue version used
 * @param members          members aligned
 * @param published        members with a published plan
 * @param priorities       one row per priority
 * @param withoutPlan      members with no published plan (status none or unpublished)
 * @param rule             the coverage rule
 */
public record NationalAlignment(String catalogueVersion, int members, int published, List<Row> priorities,
                                List<Missing> withoutPlan, String rule) {
    public NationalAlignment {
        priorities = List.copyOf(priorities);
        withoutPlan = List.copyOf(withoutPlan);
    }

    /**
     * One priority across members.
     *
     * @param key               the priority
     * @param name              its name
     * @param applies           members it applies to
     * @param expected          members expected to address it
     * @param addressed         members whose published plan addresses it (expected or not)
     * @param expectedAddressed expected members that address it
     * @param gaps              ODS codes expected to address it that do not
     * @param coverage          expectedAddressed / expected × 100, one decimal; null when nobody is expected
     */
    public record Row(String key, String name, int applies, int expected, int addressed, int expectedAddressed,
                      List<String> gaps, Double coverage) {
        public Row {
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * A member without a published plan.
     *
     * @param odsCode the member
     * @param name    its name
     * @param status  none or unpublished
     */
    public record Missing(String odsCode, String name, String status) {
    }

    /** Sums members' alignments into the national table. */
    public static NationalAlignment of(Catalogue catalogue, List<Alignment> all) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < catalogue.priorities().size(); i++) {
            Priority p = catalogue.priorities().get(i);
            int applies = 0;
            int expected = 0;
            int addressed = 0;
            int both = 0;
            List<String> gaps = new ArrayList<>();
            for (Alignment a : all) {
                PriorityAlignment pa = a.priorities().get(i);
                applies += pa.applies() ? 1 : 0;
                expected += pa.expected() ? 1 : 0;
                addressed += pa.addressed() ? 1 : 0;
                both += pa.expected() && pa.addressed() ? 1 : 0;
                if (pa.gap()) {
                    gaps.add(a.odsCode());
                }
            }
            rows.add(new Row(p.key(), p.name(), applies, expected, addressed, both, gaps,
                    expected == 0 ? null : Math.round(1000.0 * both / expected) / 10.0));
        }
        List<Missing> missing = all.stream().filter(a -> !a.planStatus().equals("published"))
                .map(a -> new Missing(a.odsCode(), a.name(), a.planStatus())).toList();
        return new NationalAlignment(catalogue.version(), all.size(), all.size() - missing.size(), rows, missing,
                Alignment.RULE);
    }
}
