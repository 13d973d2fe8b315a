package uk.nhs.safety.partner.nhsi.internal.incidents;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/** Reads the incident counts ({@code nhsi_incident}), aggregated in SQL both H2 and PostgreSQL run. Thread-safe. */
public final class IncidentStore {

    private static final String BY_HARM = "SUM(incidents), SUM(CASE WHEN harm = 'MODERATE' THEN incidents ELSE 0 END),"
            + " SUM(CASE WHEN harm = 'SEVERE' THEN incidents ELSE 0 END),"
            + " SUM(CASE WHEN harm = 'DEATH' THEN incidents ELSE 0 END)";

    private final PartnerDatabase database;

    public IncidentStore(PartnerDatabase database) {
        this.database = database;
    }

    /** One member's months, oldest first. */
    public List<MonthCounts> member(String ods) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT period, " + BY_HARM + " FROM nhsi_incident"
                    + " WHERE ods_code = ? GROUP BY period ORDER BY period")) {
                ps.setString(1, ods);
                return months(ps);
            }
        });
    }

    /** Every member's months, by ODS code, oldest first. */
    public Map<String, List<MonthCounts>> byMember() {
        return database.read(c -> {
            Map<String, List<MonthCounts>> all = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, period, " + BY_HARM
                    + " FROM nhsi_incident GROUP BY ods_code, period ORDER BY ods_code, period");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new MonthCounts(
                            YearMonth.from(rs.getDate(2).toLocalDate()), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
            return all;
        });
    }

    /** Incidents (any harm) by member and category in the months {@code from} to {@code to}. */
    public Map<String, Map<String, Long>> categories(YearMonth from, YearMonth to) {
        return database.read(c -> {
            Map<String, Map<String, Long>> all = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ods_code, category, SUM(incidents) FROM"
                    + " nhsi_incident WHERE period >= ? AND period <= ? GROUP BY ods_code, category")) {
                ps.setDate(1, Date.valueOf(from.atDay(1)));
                ps.setDate(2, Date.valueOf(to.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                rs.getLong(3));
                    }
                }
            }
            return all;
        });
    }

    /** The latest month with any data. */
    public Optional<YearMonth> latest() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(period) FROM nhsi_incident");
                 ResultSet rs = ps.executeQuery()) {
                Date d = rs.next() ? rs.getDate(1) : null;
                return Optional.ofNullable(d).map(x -> YearMonth.from(x.toLocalDate()));
            }
        });
    }

    /** The ODS codes with incident data. */
    public List<String> codes() {
        return database.read(c -> {
            List<String> codes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ods_code FROM nhsi_incident ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    private static List<MonthCounts> months(PreparedStatement ps) throws SQLException {
        List<MonthCounts> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new MonthCounts(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)));
            }
        }
        return list;
    }
}
