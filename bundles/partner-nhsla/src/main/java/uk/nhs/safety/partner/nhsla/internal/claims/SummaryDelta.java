package uk.nhs.safety.partner.nhsla.internal.claims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** The summary's columns, as {@link #copy} loads them. */
    private static final List<String> COLUMNS = List.of("ods_code", "notification_fy", "specialty", "cause", "scheme",
            "claims", "value_pence");
    /** The changed groups of a PostgreSQL import that merges (a TEMP table of its transaction). */
    private static final String STAGE = "nhsla_claim_summary_stage";
    /** A group's key: its member, specialty, cause and scheme as code numbers, and its year. */
    private static final int FIELDS = 5;

    /**
     * Each distinct code (a few hundred: members, specialties, causes, schemes) numbered from 1, so that a group is
     * five ints in {@link #keys} rather than an object per group: a first load of a million claims touches about
     * 250,000 groups, and a map of objects was a fifth of the import's own work in the JVM (measured).
     */
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> codes = new ArrayList<>(List.of(""));
    /** Open addressing with linear probing: slot i's key at keys[5i..5i+4] (member 0: empty), its totals at 2i, 2i+1. */
    private int[] keys = new int[FIELDS * 1024];
    private long[] totals = new long[2 * 1024];
    private int groups;

    /** A claim now counted in its group. */
    void add(Claim claim) {
        change(id(claim.odsCode()), claim.notificationYear(), id(claim.specialty()), id(claim.cause()),
                id(claim.scheme()), 1, claim.valuePence());
    }

    /** A stored claim, as {@link ClaimsImport#values} lists it, no longer counted in its group. */
    void remove(List<String> stored) {
        long value = Long.parseLong(stored.get(9)) + Long.parseLong(stored.get(10)) + Long.parseLong(stored.get(11));
        change(id(stored.get(1)), Claim.financialYear(LocalDate.parse(stored.get(7))), id(stored.get(3)),
                id(stored.get(4)), id(stored.get(2)), -1, -value);
    }

    /** Stored claims (a group's count and value, as the merge reads them) no longer counted where they were. */
    void subtract(String odsCode, int year, String specialty, String cause, String scheme, long claims, long pence) {
        change(id(odsCode), year, id(specialty), id(cause), id(scheme), -claims, -pence);
    }

    private int id(String code) {
        Integer id = ids.get(code);
        if (id == null) {
            id = codes.size();
            codes.add(code);
            ids.put(code, id);
        }
        return id;
    }

    private void change(int ods, int year, int specialty, int cause, int scheme, long claims, long pence) {
        int mask = totals.length / 2 - 1;
        long h = (((long) ods << 32) ^ year) * 0x9E3779B97F4A7C15L
                + (((long) specialty << 32) ^ cause) * 0xC2B2AE3D27D4EB4FL + scheme * 0x165667B19E3779F9L;
        for (int slot = (int) (h ^ (h >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            int k = slot * FIELDS;
            if (keys[k] == 0) {
                keys[k] = ods;
                keys[k + 1] = year;
                keys[k + 2] = specialty;
                keys[k + 3] = cause;
                keys[k + 4] = scheme;
                totals[2 * slot] = claims;
                totals[2 * slot + 1] = pence;
                if (++groups * 2 > mask + 1) {
                    grow();
                }
                return;
            }
            if (keys[k] == ods && keys[k + 1] == year && keys[k + 2] == specialty && keys[k + 3] == cause
                    && keys[k + 4] == scheme) {
                totals[2 * slot] += claims;
                totals[2 * slot + 1] += pence;
                return;
            }
        }
    }

    /** Twice the slots, every group entered again (kept at most half full). */
    private void grow() {
        int[] oldKeys = keys;
        long[] oldTotals = totals;
        keys = new int[oldKeys.length * 2];
        totals = new long[oldTotals.length * 2];
        groups = 0;
        for (int slot = 0; slot < oldTotals.length / 2; slot++) {
            int k = slot * FIELDS;
            if (oldKeys[k] != 0) {
                change(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldKeys[k + 4],
                        oldTotals[2 * slot], oldTotals[2 * slot + 1]);
            }
        }
    }

    /** A changed group, as written: its codes, year and the claims and pence it gains (negative: loses). */
    private record Change(String odsCode, int year, String specialty, String cause, String scheme, long claims,
                          long pence) {
    }

    /** Calls {@code each} for every group whose totals changed. */
    private void forEachChange(SqlConsumer<Change> each) throws SQLException {
        for (int slot = 0; slot < totals.length / 2; slot++) {
            int k = slot * FIELDS;
            long claims = totals[2 * slot];
            long pence = totals[2 * slot + 1];
            if (keys[k] != 0 && (claims != 0 || pence != 0)) {
                each.accept(new Change(codes.get(keys[k]), keys[k + 1], codes.get(keys[k + 2]),
                        codes.get(keys[k + 3]), codes.get(keys[k + 4]), claims, pence));
            }
        }
    }

    @FunctionalInterface
    private interface SqlConsumer<T> {
        void accept(T value) throws SQLException;
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
            int[] pending = {0};
            forEachChange(change -> {
                if (update != null) {
                    bind(update, change);
                    if (update.executeUpdate() > 0) {
                        return;
                    }
                }
                bind(insert, change);
                insert.addBatch();
                if (++pending[0] == ClaimsImport.BATCH) {
                    insert.executeBatch();
                    pending[0] = 0;
                }
            });
            if (pending[0] > 0) {
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
        long written;
        try (BulkLoader load = database.bulkLoad(c, table, COLUMNS)) {
            forEachChange(g -> {
                load.value(g.odsCode()).value(g.year()).value(g.specialty()).value(g.cause()).value(g.scheme())
                        .value(g.claims()).value(g.pence());
                load.endRow();
            });
            written = load.finish();
        }
        if (indexes != null) {
            indexes.rebuild(c);
        }
        if (emptyBefore || written == 0) {
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

    private static void bind(PreparedStatement ps, Change g) throws SQLException {
        ps.setLong(1, g.claims());
        ps.setLong(2, g.pence());
        ps.setString(3, g.odsCode());
        ps.setInt(4, g.year());
        ps.setString(5, g.specialty());
        ps.setString(6, g.cause());
        ps.setString(7, g.scheme());
    }
}
