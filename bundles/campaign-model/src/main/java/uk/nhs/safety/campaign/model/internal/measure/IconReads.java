package uk.nhs.safety.campaign.model.internal.measure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.json.PlanJson;

/**
 * The aggregate reads behind the national icon summary: two queries whatever the number of members (every latest
 * published plan with its member, then every measurement of members that have published one), so that the summary
 * costs the same two round trips for six members or six hundred.
 */
final class IconReads {

    /** A member with its latest published plan. */
    record Published(String odsCode, String name, String region, int version, PlanContent content) {
    }

    /** A member's measure, the key of the map of series. */
    record SeriesKey(String odsCode, String measureKey) {
    }

    private IconReads() {
    }

    /** Every member that has published a plan, with its latest published version. */
    static List<Published> latestPublished(Connection c, PlanJson json) throws SQLException {
        List<Published> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.ods_code, m.name, m.region, v.version_number,"
                + " v.content FROM member m JOIN plan p ON p.ods_code = m.ods_code JOIN plan_version v"
                + " ON v.ods_code = p.ods_code AND v.version_number = p.published_version"
                + " WHERE p.published_version > 0 ORDER BY m.ods_code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new Published(rs.getString("ods_code"), rs.getString("name"), rs.getString("region"),
                        rs.getInt("version_number"), json.read(rs.getString("content"))));
            }
        }
        return all;
    }

    /** Every measurement of members that have published a plan, by member and measure, oldest period first. */
    static Map<SeriesKey, List<Measurement>> publishedSeries(Connection c) throws SQLException {
        Map<SeriesKey, List<Measurement>> series = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.ods_code, s.measure_key, s.period_start,"
                + " s.measured_value, s.annotation, s.denominator FROM measurement s JOIN plan p"
                + " ON p.ods_code = s.ods_code WHERE p.published_version > 0"
                + " ORDER BY s.ods_code, s.measure_key, s.period_start");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double read = rs.getDouble("denominator");
                Double denominator = rs.wasNull() ? null : read;
                series.computeIfAbsent(new SeriesKey(rs.getString("ods_code"), rs.getString("measure_key")),
                        k -> new ArrayList<>()).add(new Measurement(Sql.date(rs, "period_start"),
                        rs.getDouble("measured_value"), rs.getString("annotation"), denominator));
            }
        }
        return series;
    }
}
