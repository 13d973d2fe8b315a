package uk.nhs.safety.partner.nhsla.internal.profile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * Claims profiles from SQL aggregation over {@code nhsla_claim_summary} (claims already summed by member, year,
 * specialty, cause and scheme at import): one {@code GROUP BY} per profile, summed in memory into the views, so a
 * profile costs the same over a thousand claims or a million. Thread-safe (stateless).
 */
public final class Profiles {

    private static final String SUMS = "SUM(claims), SUM(value_pence)";

    private final PartnerDatabase database;

    public Profiles(PartnerDatabase database) {
        this.database = database;
    }

    /** The groups of one member ({@code ods} non-null) or of every claim ({@code ods} null). */
    public List<Group> groups(String ods, int fromYear, int toYear) {
        String sql = "SELECT specialty, cause, scheme, " + SUMS + " FROM nhsla_claim_summary WHERE "
                + (ods == null ? "" : "ods_code = ? AND ") + "notification_fy BETWEEN ? AND ?"
                + " GROUP BY specialty, cause, scheme";
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (ods != null) {
                    ps.setString(i++, ods);
                }
                ps.setInt(i++, fromYear);
                ps.setInt(i, toYear);
                List<Group> groups = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5)));
                    }
                }
                return groups;
            }
        });
    }

    /** The groups of every member, by ODS code, from one scan (for linkage of all members at once). */
    public Map<String, List<Group>> groupsByMember(int fromYear, int toYear) {
        String sql = "SELECT ods_code, specialty, cause, scheme, " + SUMS + " FROM nhsla_claim_summary"
                + " WHERE notification_fy BETWEEN ? AND ? GROUP BY ods_code, specialty, cause, scheme";
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, fromYear);
                ps.setInt(2, toYear);
                Map<String, List<Group>> byMember = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byMember.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Group(
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)));
                    }
                }
                return byMember;
            }
        });
    }

    /** Every ODS code with claims, in order (for completion and the national linkage). */
    public List<String> members() {
        return database.read(c -> {
            List<String> codes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT ods_code FROM nhsla_claim_summary ORDER BY ods_code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    /** Builds the profile from its groups. */
    public static ClaimsProfile profile(String scope, int fromYear, int toYear, List<Group> groups, AreaRule rule) {
        List<Slice> bySpecialty = sum(groups, Group::specialty);
        long claims = bySpecialty.stream().mapToLong(Slice::claims).sum();
        long value = bySpecialty.stream().mapToLong(Slice::valuePence).sum();
        return new ClaimsProfile(scope, fromYear, toYear, claims, value, bySpecialty, sum(groups, Group::cause),
                sum(groups, Group::scheme), rule.select(bySpecialty, Slice.Metric.COUNT),
                rule.select(bySpecialty, Slice.Metric.VALUE), rule.describe());
    }

    /** Sums groups by a key, largest value first (ties by key). */
    public static List<Slice> sum(List<Group> groups, Function<Group, String> key) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Group g : groups) {
            long[] s = sums.computeIfAbsent(key.apply(g), k -> new long[2]);
            s[0] += g.claims();
            s[1] += g.valuePence();
        }
        List<Slice> slices = new ArrayList<>();
        sums.forEach((k, s) -> slices.add(new Slice(k, s[0], s[1])));
        slices.sort(Comparator.comparingLong(Slice::valuePence).reversed().thenComparing(Slice::key));
        return slices;
    }
}
