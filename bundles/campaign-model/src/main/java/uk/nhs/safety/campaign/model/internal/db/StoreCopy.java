package uk.nhs.safety.campaign.model.internal.db;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.PartnerSchema;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.api.store.StoreCopyReport;
import uk.nhs.safety.campaign.api.store.TableComparison;

/**
 * Copies a campaign store into an empty database: migrates the target with core's scripts and each partner's (for
 * every partner the source's history names), then, in one transaction on the target, empties what the migrations
 * seeded, copies every table's rows in foreign-key order, moves identity columns past the copied ids and compares
 * every table's row count and checksum with the source's. It commits only when all match; otherwise (or on any
 * failure) it rolls back and drops the tables it created, leaving the target empty again. The source is only read.
 */
public final class StoreCopy {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCopy.class);
    private static final int BATCH = 1000;
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final Migrations core;
    private final Map<String, ScriptSource> partnerScripts;
    private final Clock clock;

    /**
     * @param core core's migrations
     * @param partnerScripts each installed partner's scripts, by partner id
     */
    public StoreCopy(Migrations core, Map<String, ScriptSource> partnerScripts, Clock clock) {
        this.core = core;
        this.partnerScripts = Map.copyOf(partnerScripts);
        this.clock = clock;
    }

    /**
     * Copies {@code source} into {@code target}.
     *
     * @throws CampaignException when the target is not empty, a partner in the source has no scripts here, the
     *         schemas differ, or a statement fails (the target is left empty)
     */
    public StoreCopyReport copy(DataSource source, DataSource target) {
        String sourceName;
        String targetName;
        List<String> partners;
        try (Connection s = source.getConnection(); Connection t = target.getConnection()) {
            sourceName = describe(s);
            targetName = describe(t);
            Set<String> existing = tables(t);
            if (!existing.isEmpty()) {
                throw new CampaignException("the target database " + targetName + " is not empty (tables "
                        + String.join(", ", existing) + "): copy only into a new, empty database");
            }
            partners = partners(s);
        } catch (SQLException e) {
            throw new CampaignException("cannot open the source or target database: " + e.getMessage(), e);
        }
        List<String> missing = partners.stream().filter(p -> !partnerScripts.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new CampaignException("the store holds tables of partner(s) " + String.join(", ", missing)
                    + " whose bundle is not installed on this node: install them (feature:install) and copy again");
        }
        LOG.info("Copying the campaign store from {} to {} (partners {})", sourceName, targetName, partners);
        try {
            migrate(source, target, partners);
            return copyRows(source, target, sourceName, targetName);
        } catch (RuntimeException e) {
            dropAll(target, e);
            throw e;
        }
    }

    private void migrate(DataSource source, DataSource target, List<String> partners) {
        requireSameVersion("the campaign store", core, source, target);
        for (String partner : partners) {
            Migrations migrations = new Migrations(partnerScripts.get(partner), "index.txt", clock,
                    new Migrations.History(partner), (script, statements) -> PartnerSchema.checkNames(partner,
                            script.script(), statements));
            requireSameVersion("partner " + partner, migrations, source, target);
        }
    }

    private static void requireSameVersion(String what, Migrations migrations, DataSource source,
            DataSource target) {
        migrations.apply(target);
        int there = migrations.latestApplied(source);
        int here = migrations.latestApplied(target);
        if (there != here) {
            throw new CampaignException("schema of " + what + ": the source is at version " + there
                    + ", the scripts installed here reach version " + here + "; start the node on the source once"
                    + " (it migrates) and copy again");
        }
    }

    private StoreCopyReport copyRows(DataSource source, DataSource target, String sourceName, String targetName) {
        try (Connection s = source.getConnection(); Connection t = target.getConnection()) {
            s.setReadOnly(true);
            s.setAutoCommit(false);
            // one snapshot of the source for every table, while the node goes on serving
            s.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            t.setAutoCommit(false);
            try {
                List<String> order = dependencyOrder(s);
                Set<String> targetTables = tables(t);
                Set<String> extra = new TreeSet<>(targetTables);
                extra.removeAll(order);
                Set<String> absent = new TreeSet<>(order);
                absent.removeAll(targetTables);
                if (!extra.isEmpty() || !absent.isEmpty()) {
                    throw new CampaignException("the migrated target's tables differ from the source's: only in the"
                            + " source " + absent + ", only in the target " + extra);
                }
                List<String> reversed = new ArrayList<>(order);
                Collections.reverse(reversed);
                for (String table : reversed) {
                    try (Statement st = t.createStatement()) {
                        st.executeUpdate("DELETE FROM " + table);
                    }
                }
                List<TableComparison> tables = new ArrayList<>();
                for (String table : order) {
                    long copied = copyTable(s, t, table);
                    resetIdentities(t, table);
                    Summary there = summarise(s, table);
                    Summary here = summarise(t, table);
                    LOG.info("Copied {} rows of {}", copied, table);
                    tables.add(new TableComparison(table, there.rows(), here.rows(), there.checksum(),
                            here.checksum()));
                }
                boolean matches = tables.stream().allMatch(TableComparison::matches);
                if (matches) {
                    t.commit();
                    LOG.info("Campaign store copied to {}: {} tables, every count and checksum equal", targetName,
                            tables.size());
                } else {
                    t.rollback();
                    LOG.warn("Campaign store copy to {} rolled back: tables differ {}", targetName,
                            tables.stream().filter(c -> !c.matches()).map(TableComparison::table).toList());
                }
                s.rollback();
                StoreCopyReport report = new StoreCopyReport(sourceName, targetName, tables, matches);
                if (!matches) {
                    dropAll(target, null);
                }
                return report;
            } catch (SQLException | RuntimeException e) {
                t.rollback();
                s.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CampaignException("copying the campaign store failed: " + e.getMessage(), e);
        }
    }

    private static long copyTable(Connection s, Connection t, String table) throws SQLException {
        List<String> columns = columns(s, table);
        List<String> targetColumns = columns(t, table);
        if (!new TreeSet<>(columns).equals(new TreeSet<>(targetColumns))) {
            throw new CampaignException("table " + table + ": columns differ, source " + columns + ", target "
                    + targetColumns);
        }
        String list = String.join(", ", columns);
        String insert = "INSERT INTO " + table + " (" + list + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        try (Statement st = s.createStatement(); ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + table);
                PreparedStatement ps = t.prepareStatement(insert)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    ps.setObject(i, value(rs, meta, i));
                }
                ps.addBatch();
                if (++rows % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return rows;
    }

    /** Moves each identity column of {@code table} past the largest id copied, so new rows do not collide. */
    private static void resetIdentities(Connection t, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement ps = t.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA AND is_identity = 'YES'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identities.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String column : identities) {
            long next;
            try (Statement st = t.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement st = t.createStatement()) {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }

    /** A table's rows and checksum. */
    record Summary(long rows, String checksum) {
    }

    /**
     * Row count and checksum of {@code table}: each row's columns (in name order) normalised to text and hashed with
     * SHA-256; the row hashes summed modulo 2^256, so the checksum does not depend on the order rows come in (the
     * engines sort text differently) and a duplicated or missing row changes it.
     */
    static Summary summarise(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>(new TreeSet<>(columns(c, table)));
        BigInteger sum = BigInteger.ZERO;
        long rows = 0;
        MessageDigest sha = sha256();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.size(); i++) {
                    Object v = value(rs, meta, i);
                    row.append(v == null ? "\u0000" : normalised(v)).append('\u001f');
                }
                sum = sum.add(new BigInteger(1, sha.digest(row.toString().getBytes(StandardCharsets.UTF_8))));
                rows++;
            }
        }
        String hex = String.format("%064x", sum.mod(MODULUS));
        return new Summary(rows, hex.substring(0, 16));
    }

    private static String normalised(Object v) {
        if (v instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** A column's value as a plain Java value both drivers read and write alike. */
    private static Object value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
        int type = meta.getColumnType(i);
        String typeName = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        Object v = switch (type) {
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> rs.getInt(i);
            case Types.BIGINT -> rs.getLong(i);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
            case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("time zone")
                    ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i, LocalDateTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    /** The source's tables, each after the tables it references. */
    private static List<String> dependencyOrder(Connection c) throws SQLException {
        Set<String> tables = tables(c);
        Map<String, Set<String>> references = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String table : tables) {
            Set<String> refs = new TreeSet<>();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), name)) {
                    while (rs.next()) {
                        String referenced = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!referenced.equals(table)) {
                            refs.add(referenced);
                        }
                    }
                }
            }
            references.put(table, refs);
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < tables.size()) {
            int before = ordered.size();
            for (Map.Entry<String, Set<String>> e : references.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
                    ordered.add(e.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new CampaignException("the source's foreign keys form a cycle among "
                        + references.keySet().stream().filter(t -> !ordered.contains(t)).toList());
            }
        }
        return new ArrayList<>(ordered);
    }

    /**
     * The base tables of the connection's schema, lower case, sorted; not H2's {@code schema_lock} (the database lock
     * of {@link DatabaseLock} on H2, created before any migration: not data, and PostgreSQL uses advisory locks).
     */
    static Set<String> tables(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        tables.remove("schema_lock");
        return tables;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, ordinal_position"
                + " FROM information_schema.columns WHERE LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getInt(2), rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(columns.values());
    }

    private static List<String> partners(Connection c) throws SQLException {
        if (!tables(c).contains("partner_schema_version")) {
            return List.of();
        }
        List<String> partners = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT DISTINCT partner_id FROM partner_schema_version ORDER BY partner_id")) {
            while (rs.next()) {
                partners.add(rs.getString(1));
            }
        }
        return partners;
    }

    private static String describe(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // pgjdbc's URL carries every connection property: the server and database are enough
        String url = meta.getURL();
        int query = url.indexOf('?');
        return meta.getDatabaseProductName() + " " + (query < 0 ? url : url.substring(0, query));
    }

    /** Drops every table of the target (it was empty before the copy), so a failed copy can simply be run again. */
    private static void dropAll(DataSource target, Exception cause) {
        try (Connection t = target.getConnection()) {
            t.setAutoCommit(true);
            for (String table : tables(t)) {
                try (Statement st = t.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
                }
            }
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
            LOG.error("Could not empty the target database after a failed copy: {}", e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
