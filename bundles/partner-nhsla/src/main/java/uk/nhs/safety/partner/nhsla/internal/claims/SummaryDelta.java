package uk.nhs.safety.partner.nhsla.internal.claims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.partner.support.imports.SecondaryIndexes;

/**
 * What one import changes in {@code nhsla_claim_summary}: per group (member, notification year, specialty, cause,
 * scheme), the claims and pence its created claims add and its updated claims move from their old group to the new.
 * Memory grows with the groups touched (bounded by members × years × specialties × causes × schemes), not with
 * the rows read. Not thread-safe: one per import.
 */
final class SummaryDelta {

    private record Group(String odsCode, int year, String specialty, String cause, String scheme) {
    }

    /** The summary's columns, as {@link #copy} loads them. */
    private static final List<String> COLUMNS = List.of("ods_code", "notification_fy", "specialty", "cause", "scheme",
            "claims", "value_pence");
    /** The changed groups of a PostgreSQL import that merges (a TEMP table of its transaction). */
    private static final String STAGE = "nhsla_claim_summary_stage";

    private final Map<Group, long[]> changes = new HashMap<>();
    /** One copy of each code (a few hundred distinct), so the groups do not keep every row's own strings. */
    private final Map<String, String> codes = new HashMap<>();

    /** A claim now counted in its group. */
    void add(Claim claim) {
        change(group(claim.odsCode(), claim.notificationYear(), claim.specialty(), claim.cause(), claim.scheme()),
                1, claim.valuePence());
    }

    /** A stored claim, as {@link ClaimsImport#values} lists it, no longer counted in its group. */
    void remove(List<String> stored) {
        long value = Long.parseLong(stored.get(9)) + Long.parseLong(stored.get(10)) + Long.parseLong(stored.get(11));
        change(group(stored.get(1), Claim.financialYear(LocalDate.parse(stored.get(7))), stored.get(3),
                stored.get(4), stored.get(2)), -1, -value);
    }

    /** Stored claims (a group's count and value, as the merge reads them) no longer counted where they were. */
    void subtract(String odsCode, int year, String specialty, String cause, String scheme, long claims, long pence) {
        change(group(odsCode, year, specialty, cause, scheme), -claims, -pence);
    }

    private Group group(String odsCode, int year, String specialty, String cause, String scheme) {
        return new Group(code(odsCode), year, code(specialty), code(cause), code(scheme));
    }

    private String code(String value) {
        return codes.computeIfAbsent(value, v -> v);
    }

    private void change(Group group, long claims, long pence) {
        long[] totals = changes.computeIfAbsent(group, g -> new long[2]);
        totals[0] += claims;
        totals[1] += pence;
    }

    /**
     * Writes the changes in the import's transaction.
     *
     * @param emptyBefore whether the claims table (and so the summary) was empty when the import began: then every
     *                    group is new and is simply inserted
     * @param database    on PostgreSQL, for {@code COPY} (a first load touches a quarter as many groups as it has
     *                    rows: measured, one {@code INSERT} each cost more server time than copying the claims); null
     *                    on H2, which writes the groups one statement each
     */
    void apply(Connection c, boolean emptyBefore, PartnerDatabase database) throws SQLException {
        if (database != null) {
            copy(c, emptyBefore, database);
            return;
        }
        String where = " WHERE ods_code = ? AND notification_fy = ? AND specialty = ? AND cause = ? AND scheme = ?";
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO nhsla_claim_summary (claims, value_pence,"
                + " ods_code, notification_fy, specialty, cause, scheme) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = emptyBefore ? null : c.prepareStatement("UPDATE nhsla_claim_summary SET"
                     + " claims = claims + ?, value_pence = value_pence + ?" + where);
             PreparedStatement prune = emptyBefore ? null : c.prepareStatement(
                     "DELETE FROM nhsla_claim_summary WHERE claims <= 0")) {
            int pending = 0;
            for (Map.Entry<Group, long[]> e : changes.entrySet()) {
                long[] t = e.getValue();
                if (t[0] == 0 && t[1] == 0) {
                    continue;
                }
                if (update != null) {
                    bind(update, e.getKey(), t);
                    if (update.executeUpdate() > 0) {
                        continue;
                    }
                }
                bind(insert, e.getKey(), t);
                insert.addBatch();
                if (++pending == ClaimsImport.BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            if (prune != null) {
                prune.executeUpdate();
            }
        }
    }

    /**
     * PostgreSQL: the changed groups through {@code COPY}, straight into the summary after a first load, else into a
     * {@code TEMP} table of the transaction that three statements merge (add to the groups there, insert the new
     * ones, drop the emptied ones).
     */
    private void copy(Connection c, boolean emptyBefore, PartnerDatabase database) throws SQLException {
        String table = emptyBefore ? "nhsla_claim_summary" : STAGE;
        if (!emptyBefore) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE " + STAGE + " (LIKE nhsla_claim_summary) ON COMMIT DROP");
            }
        }
        // A first load copies into the summary without its index and builds it once at the end (as the claims' key).
        SecondaryIndexes indexes = emptyBefore ? SecondaryIndexes.drop(c, table) : null;
        long groups;
        try (BulkLoader load = database.bulkLoad(c, table, COLUMNS)) {
            for (Map.Entry<Group, long[]> e : changes.entrySet()) {
                long[] t = e.getValue();
                if (t[0] == 0 && t[1] == 0) {
                    continue;
                }
                Group g = e.getKey();
                load.value(g.odsCode()).value(g.year()).value(g.specialty()).value(g.cause()).value(g.scheme())
                        .value(t[0]).value(t[1]);
                load.endRow();
            }
            groups = load.finish();
        }
        if (indexes != null) {
            indexes.rebuild(c);
        }
        if (emptyBefore || groups == 0) {
            return;
        }
        String same = " s.ods_code = d.ods_code AND s.notification_fy = d.notification_fy"
                + " AND s.specialty = d.specialty AND s.cause = d.cause AND s.scheme = d.scheme";
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE " + STAGE);
            st.executeUpdate("UPDATE nhsla_claim_summary s SET claims = s.claims + d.claims,"
                    + " value_pence = s.value_pence + d.value_pence FROM " + STAGE + " d WHERE" + same);
            st.executeUpdate("INSERT INTO nhsla_claim_summary (" + String.join(", ", COLUMNS) + ") SELECT "
                    + String.join(", ", COLUMNS) + " FROM " + STAGE + " d WHERE NOT EXISTS (SELECT 1 FROM"
                    + " nhsla_claim_summary s WHERE" + same + ")");
            st.executeUpdate("DELETE FROM nhsla_claim_summary WHERE claims <= 0");
        }
    }

    private static void bind(PreparedStatement ps, Group g, long[] totals) throws SQLException {
        ps.setLong(1, totals[0]);
        ps.setLong(2, totals[1]);
        ps.setString(3, g.odsCode());
        ps.setInt(4, g.year());
        ps.setString(5, g.specialty());
        ps.setString(6, g.cause());
        ps.setString(7, g.scheme());
    }
}
