package uk.nhs.safety.campaign.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * The national icon summary: every member's latest published measures with their icons, grouped by region, with how
 * many measures show each icon per region and in all.
 *
 * @param regions the regions by name, {@link #UNKNOWN_REGION} last; only regions with a member that published a plan
 * @param total   the counts over every region
 * @since 1.3
 */
public record IconSummary(List<Region> regions, Counts total) {

    /** The region of members whose region is not known. */
    public static final String UNKNOWN_REGION = "Unknown region";

    public IconSummary {
        regions = List.copyOf(regions);
    }

    /**
     * One region.
     *
     * @param name    the region's name, or {@link #UNKNOWN_REGION}
     * @param counts  how many of its members' measures show each icon
     * @param members its members, by name then ODS code
     */
    public record Region(String name, Counts counts, List<MemberIcons> members) {
        public Region {
            members = List.copyOf(members);
        }
    }

    /**
     * How many measures show each icon; every icon is present (zero when none shows it), in the enums' order.
     *
     * @param measures  how many measures were counted
     * @param variation measures by the variation icon of their latest point
     * @param assurance measures by their assurance icon
     */
    public record Counts(int measures, Map<Variation, Integer> variation, Map<Assurance, Integer> assurance) {
        public Counts {
            variation = Collections.unmodifiableMap(new EnumMap<>(variation));
            assurance = Collections.unmodifiableMap(new EnumMap<>(assurance));
        }

        /** The counts of some rows. */
        public static Counts of(Collection<MeasureIcons> rows) {
            Map<Variation, Integer> v = new EnumMap<>(Variation.class);
            Map<Assurance, Integer> a = new EnumMap<>(Assurance.class);
            for (Variation x : Variation.values()) {
                v.put(x, 0);
            }
            for (Assurance x : Assurance.values()) {
                a.put(x, 0);
            }
            for (MeasureIcons row : rows) {
                v.merge(row.variation(), 1, Integer::sum);
                a.merge(row.assurance(), 1, Integer::sum);
            }
            return new Counts(rows.size(), v, a);
        }
    }

    /** Groups members by region ({@code null} or blank: {@link #UNKNOWN_REGION}) and counts their icons. */
    public static IconSummary of(Collection<MemberIcons> members) {
        Map<String, List<MemberIcons>> byRegion = new TreeMap<>(Comparator
                .comparing((String r) -> UNKNOWN_REGION.equals(r)).thenComparing(Comparator.naturalOrder()));
        for (MemberIcons m : members) {
            String region = m.region() == null || m.region().isBlank() ? UNKNOWN_REGION : m.region();
            byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(m);
        }
        List<Region> regions = new ArrayList<>();
        List<MeasureIcons> all = new ArrayList<>();
        byRegion.forEach((name, list) -> {
            list.sort(Comparator.comparing(MemberIcons::name).thenComparing(MemberIcons::odsCode));
            List<MeasureIcons> rows = list.stream().flatMap(m -> m.measures().stream()).toList();
            all.addAll(rows);
            regions.add(new Region(name, Counts.of(rows), list));
        });
        return new IconSummary(regions, Counts.of(all));
    }
}
