package uk.nhs.safety.campaign.model.internal.demo;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;

/**
 * Gives the demo data the campaign's own history, so that "members signed up over time" and "plans published" show
 * a real shape rather than one day: the campaign launched on 24 June 2014 and had 236 member organisations by March
 * 2015 (DOMAIN.md). The seeded members join from launch to 31 March 2015, most of them early (the launch-day wave),
 * the rest later in 2015/16; the demo plans are published during 2015 and their actions a month after joining.
 * Only demo data is changed (the seeder runs on an empty platform); it is written straight to the tables because the
 * services record "now", and a demonstration needs a past.
 */
public interface DemoHistory {

    /** The campaign's launch. */
    LocalDate LAUNCH = LocalDate.of(2014, 6, 24);
    /** By then the campaign had 236 member organisations. */
    LocalDate FIRST_YEAR_END = LocalDate.of(2015, 3, 31);
    int FIRST_YEAR_MEMBERS = 236;

    /**
     * Backdates the demo data.
     *
     * @param joined        each member's join date
     * @param planPublished each demo plan's first version's publication
     */
    void apply(Map<String, LocalDate> joined, Map<String, Instant> planPublished);

    /**
     * The join dates: members in a fixed pseudo-random order (by a hash of the code, so not alphabetical and the same
     * on every machine); the first 236 from launch to 31 March 2015, front-loaded (day = 280 × (i/236)²), the rest
     * every 60 days from April 2015; the members given demo plans join on launch day.
     */
    static Map<String, LocalDate> joinDates(List<String> codes, List<String> launchDay) {
        List<String> order = new ArrayList<>(codes);
        order.sort(Comparator.comparingInt((String c) -> Integer.reverse(c.hashCode() * 0x9E3779B1))
                .thenComparing(c -> c));
        long days = ChronoUnit.DAYS.between(LAUNCH, FIRST_YEAR_END);
        Map<String, LocalDate> joined = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String code = order.get(i);
            LocalDate date;
            if (launchDay.contains(code)) {
                date = LAUNCH;
            } else if (i < FIRST_YEAR_MEMBERS) {
                double share = (double) i / FIRST_YEAR_MEMBERS;
                date = LAUNCH.plusDays(Math.round(days * share * share));
            } else {
                date = FIRST_YEAR_END.plusDays(1 + 60L * (i - FIRST_YEAR_MEMBERS));
            }
            joined.put(code, date);
        }
        return joined;
    }

    /** Writes the dates with plain SQL in one transaction. */
    static DemoHistory jdbc(Database database) {
        return (joined, planPublished) -> database.inTransaction(c -> {
            try (PreparedStatement member = c.prepareStatement("UPDATE member SET joined = ? WHERE ods_code = ?");
                 PreparedStatement plan = c.prepareStatement(
                         "UPDATE plan_version SET published_at = ? WHERE ods_code = ? AND version_number = 1");
                 PreparedStatement actions = c.prepareStatement("UPDATE pledge_action SET published_at = ?"
                         + " WHERE ods_code = ? AND published_at IS NOT NULL")) {
                for (Map.Entry<String, LocalDate> e : joined.entrySet()) {
                    Sql.setDate(member, 1, e.getValue());
                    member.setString(2, e.getKey());
                    member.addBatch();
                }
                member.executeBatch();
                for (Map.Entry<String, Instant> e : planPublished.entrySet()) {
                    plan.setTimestamp(1, Timestamp.from(e.getValue()));
                    plan.setString(2, e.getKey());
                    plan.executeUpdate();
                    // The actions were published a month after the member joined, before its plan.
                    actions.setTimestamp(1, Timestamp.from(joined.get(e.getKey()).plusMonths(1)
                            .atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
                    actions.setString(2, e.getKey());
                    actions.executeUpdate();
                }
            }
            return null;
        });
    }
}
