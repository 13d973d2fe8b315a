package uk.nhs.safety.partner.cqc.internal.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.partner.support.imports.ImportProblems;

/**
 * The CQC partner's own tables ({@code cqc_*}): providers and locations imported from CQC's API with their current
 * ratings, linked to members by ODS code, and per-item mapping overrides. Thread-safe (every call is its own
 * transaction).
 */
public final class CqcData {

    /** The importer's name, as registered with core. */
    public static final String IMPORTER = "cqc-providers";

    private static final Logger LOG = LoggerFactory.getLogger(CqcData.class);

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    private final Clock clock;

    public CqcData(PartnerDatabase database, Predicate<String> isMember, Clock clock) {
        this.database = database;
        this.isMember = isMember;
        this.clock = clock;
    }

    /** Whether the tables answer. */
    public boolean healthy() {
        return database.read(c -> c.isValid(2));
    }

    /**
     * Imports CQC provider/location JSON: every record is read and checked first; one bad record refuses the file
     * (nothing changes) unless the import is partial. Records are keyed by CQC id: importing the same file again
     * changes nothing. Records whose ODS code is not a member (nor a site of one) are kept and reported.
     */
    public ImportReport importData(ImportRequest request) {
        CqcDataReader reader = new CqcDataReader();
        List<Registration> valid = new ArrayList<>();
        try {
            reader.read(request.data(), valid::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.source() + ": " + e.getMessage(), e);
        }
        List<Violation> problems = new ArrayList<>(reader.violations());
        if (!problems.isEmpty() && !request.partial()) {
            throw ImportProblems.refusal(problems, reader.refused(), "record", false);
        }
        Map<String, Registration> linked = new LinkedHashMap<>();
        for (Registration r : valid) {
            String member = memberOf(r.odsCode());
            if (member.isEmpty()) {
                problems.add(Violation.of("odsCode", r.odsCode(), r.kind() + " " + r.cqcId() + " (" + r.name()
                        + ") is not a campaign member nor a site of one: imported, linked to no member"));
            }
            linked.put(r.cqcId(), r.linkedTo(member));
        }
        long[] counts = database.inTransaction(c -> write(c, linked.values()));
        ImportReport report = new ImportReport(IMPORTER, reader.records(), counts[0], counts[1], counts[2],
                reader.refused(), ImportProblems.capped(problems), null);
        LOG.info("CQC data import {} by {}: {} records, {} created, {} updated, {} unchanged, {} rejected",
                request.source(), request.caller(), report.read(), report.created(), report.updated(),
                report.unchanged(), report.rejected());
        return report;
    }

    /** A member's ODS code itself when it is a member, else the trust of a trust site (RGT01 → RGT), else empty. */
    private String memberOf(String ods) {
        if (isMember.test(ods)) {
            return ods;
        }
        if (ods.length() == 5 && (ods.charAt(0) == 'R' || ods.charAt(0) == 'T') && isMember.test(ods.substring(0, 3))) {
            return ods.substring(0, 3);
        }
        return "";
    }

    private long[] write(Connection c, Iterable<Registration> records) throws SQLException {
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement update = c.prepareStatement("UPDATE cqc_registration SET kind = ?, provider_id = ?,"
                + " name = ?, ods_code = ?, member_ods = ?, registration_status = ?, org_type = ?, region = ?,"
                + " postal_code = ?, overall_rating = ?, overall_date = ?, imported_at = ? WHERE cqc_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO cqc_registration (kind, provider_id, name,"
                     + " ods_code, member_ods, registration_status, org_type, region, postal_code, overall_rating,"
                     + " overall_date, imported_at, cqc_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement dropRatings = c.prepareStatement("DELETE FROM cqc_rating WHERE cqc_id = ?");
             PreparedStatement addRating = c.prepareStatement(
                     "INSERT INTO cqc_rating (cqc_id, key_question, rating, report_date) VALUES (?, ?, ?, ?)")) {
            for (Registration r : records) {
                Registration old = find(c, r.cqcId());
                if (r.equals(old)) {
                    unchanged++;
                    continue;
                }
                PreparedStatement ps = old == null ? insert : update;
                int i = 0;
                ps.setString(++i, r.kind());
                ps.setString(++i, r.providerId());
                ps.setString(++i, r.name());
                ps.setString(++i, r.odsCode());
                ps.setString(++i, r.memberOds());
                ps.setString(++i, r.registrationStatus());
                ps.setString(++i, r.type());
                ps.setString(++i, r.region());
                ps.setString(++i, r.postalCode());
                ps.setString(++i, r.overallRating());
                ps.setDate(++i, r.overallDate() == null ? null : Date.valueOf(r.overallDate()));
                ps.setTimestamp(++i, now);
                ps.setString(++i, r.cqcId());
                ps.executeUpdate();
                dropRatings.setString(1, r.cqcId());
                dropRatings.executeUpdate();
                for (Registration.KeyQuestionRating q : r.keyQuestions()) {
                    addRating.setString(1, r.cqcId());
                    addRating.setString(2, q.name());
                    addRating.setString(3, q.rating());
                    addRating.setDate(4, q.reportDate() == null ? null : Date.valueOf(q.reportDate()));
                    addRating.addBatch();
                }
                addRating.executeBatch();
                if (old == null) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        return new long[] {created, updated, unchanged};
    }

    private static final String SELECT = "SELECT cqc_id, kind, provider_id, name, ods_code, member_ods,"
            + " registration_status, org_type, region, postal_code, overall_rating, overall_date FROM cqc_registration";

    private static Registration find(Connection c, String cqcId) throws SQLException {
        List<Registration> found = query(c, SELECT + " WHERE cqc_id = ?", cqcId);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Registration> query(Connection c, String sql, String arg) throws SQLException {
        List<Registration> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Registration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), localDate(rs.getDate(12)), List.of()));
                }
            }
        }
        List<Registration> withRatings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key_question, rating, report_date FROM cqc_rating WHERE cqc_id = ?")) {
            for (Registration r : out) {
                ps.setString(1, r.cqcId());
                List<Registration.KeyQuestionRating> ratings = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ratings.add(new Registration.KeyQuestionRating(rs.getString(1), rs.getString(2),
                                localDate(rs.getDate(3))));
                    }
                }
                ratings.sort((a, b) -> Integer.compare(CqcDataReader.KEY_QUESTIONS.indexOf(a.name()),
                        CqcDataReader.KEY_QUESTIONS.indexOf(b.name())));
                withRatings.add(new Registration(r.cqcId(), r.kind(), r.providerId(), r.name(), r.odsCode(),
                        r.memberOds(), r.registrationStatus(), r.type(), r.region(), r.postalCode(),
                        r.overallRating(), r.overallDate(), ratings));
            }
        }
        return withRatings;
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** A member's CQC providers and locations: providers first, then locations, each by CQC id. */
    public List<Registration> registrations(String memberOds) {
        return database.read(c -> query(c, SELECT + " WHERE member_ods = ? ORDER BY kind DESC, cqc_id", memberOds));
    }

    /** A mapping override: this item of this member is evidence for exactly these statements. */
    public record MappingOverride(String odsCode, String kind, String key, List<String> statements, String setBy) {
        public MappingOverride {
            statements = List.copyOf(statements);
        }
    }

    /** The member's overrides by "kind:key". */
    public Map<String, MappingOverride> overrides(String odsCode) {
        return database.read(c -> {
            Map<String, MappingOverride> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_kind, item_key, statements, set_by FROM"
                    + " cqc_mapping_override WHERE ods_code = ? ORDER BY item_kind, item_key")) {
                ps.setString(1, odsCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String s = rs.getString(3);
                        List<String> statements = s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
                        out.put(rs.getString(1) + ":" + rs.getString(2), new MappingOverride(odsCode, rs.getString(1),
                                rs.getString(2), statements, rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Sets (replaces) one override. The caller has checked the kind and the statement ids. */
    public void setOverride(MappingOverride o) {
        database.inTransaction(c -> {
            delete(c, o.odsCode(), o.kind(), o.key());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cqc_mapping_override (ods_code, item_kind,"
                    + " item_key, statements, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, o.odsCode());
                ps.setString(2, o.kind());
                ps.setString(3, o.key());
                ps.setString(4, String.join(",", o.statements()));
                ps.setString(5, o.setBy());
                ps.setTimestamp(6, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
        LOG.info("CQC mapping of {} {} {} set to {} by {}", o.odsCode(), o.kind(), o.key(), o.statements(), o.setBy());
    }

    /** Removes an override (the default rules apply again); whether there was one. */
    public boolean clearOverride(String odsCode, String kind, String key, String by) {
        boolean removed = database.inTransaction(c -> delete(c, odsCode, kind, key) > 0);
        if (removed) {
            LOG.info("CQC mapping override of {} {} {} removed by {}", odsCode, kind, key, by);
        }
        return removed;
    }

    private static int delete(Connection c, String ods, String kind, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM cqc_mapping_override WHERE ods_code = ? AND item_kind = ? AND item_key = ?")) {
            ps.setString(1, ods);
            ps.setString(2, kind.toLowerCase(Locale.ROOT));
            ps.setString(3, key);
            return ps.executeUpdate();
        }
    }
}
