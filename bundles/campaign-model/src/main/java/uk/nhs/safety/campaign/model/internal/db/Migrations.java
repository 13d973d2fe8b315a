package uk.nhs.safety.campaign.model.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.PartnerSchema;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

/**
 * A small versioned-SQL migration runner. Scripts are named {@code V<n>__<description>.sql} and listed, in order, by
 * an index resource (bundle class loaders cannot list resources portably). Applied versions are recorded in
 * a history table with a checksum ({@code schema_version} for core, {@code partner_schema_version} per partner); a
 * script changed after it was applied stops the start, because the database no longer matches what the code
 * believes it is. A script may have a variant for one database product ({@link PartnerSchema#variant}), which runs
 * there instead of it; the checksum covers the script and its variants, so it does not depend on the database.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V([0-9]+)__([A-Za-z0-9_]+)\\.sql");

    /** Checks a script's statements before it runs; throws {@link CampaignException} to refuse it. */
    @FunctionalInterface
    public interface ScriptCheck {
        void check(Migration script, List<String> statements);
    }

    /**
     * Where applied versions are recorded: core's own {@code schema_version} ({@code scope} {@code null}) or the
     * shared {@code partner_schema_version} rows of one partner.
     */
    public record History(String scope) {

        static final History CORE = new History(null);

        String create() {
            return scope == null
                    ? "CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)"
                    : "CREATE TABLE IF NOT EXISTS partner_schema_version ("
                    + " partner_id VARCHAR(40) NOT NULL,"
                    + " version INTEGER NOT NULL,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " PRIMARY KEY (partner_id, version))";
        }

        PreparedStatement select(Connection c) throws SQLException {
            if (scope == null) {
                return c.prepareStatement("SELECT version, checksum FROM schema_version ORDER BY version");
            }
            PreparedStatement ps = c.prepareStatement(
                    "SELECT version, checksum FROM partner_schema_version WHERE partner_id = ? ORDER BY version");
            ps.setString(1, scope);
            return ps;
        }

        void record(Connection c, Migration m, OffsetDateTime at) throws SQLException {
            String sql = scope == null
                    ? "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)"
                    : "INSERT INTO partner_schema_version (version, description, checksum, applied_at, partner_id)"
                    + " VALUES (?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, m.checksum());
                ps.setObject(4, at);
                if (scope != null) {
                    ps.setString(5, scope);
                }
                ps.executeUpdate();
            }
        }

        String describe() {
            return scope == null ? "the campaign store" : "partner " + scope;
        }

        /** The database lock serialising this history's migrations across nodes. */
        DatabaseLock lock() {
            return new DatabaseLock(scope == null ? "migrations:core" : "migrations:partner:" + scope);
        }
    }

    private final ScriptSource source;
    private final String index;
    private final Clock clock;
    private final History history;
    private final ScriptCheck check;

    public Migrations(ScriptSource source, String index, Clock clock) {
        this(source, index, clock, History.CORE, (script, statements) -> { });
    }

    public Migrations(ScriptSource source, String index, Clock clock, History history, ScriptCheck check) {
        this.source = source;
        this.index = index;
        this.clock = clock;
        this.history = history;
        this.check = check;
    }

    /** The scripts shipped in this bundle. */
    public static Migrations bundled(Clock clock) {
        return new Migrations(name -> Migrations.class.getResourceAsStream("migration/" + name), "index.txt", clock);
    }

    /** The scripts the index lists, in order; refuses an index that is malformed or out of order. */
    public List<Migration> scripts() {
        List<Migration> scripts = new ArrayList<>();
        int line = 0;
        for (String entry : text(index).split("\n")) {
            line++;
            String name = entry.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new CampaignException("migration index line " + line + ": '" + name
                        + "' is not named V<number>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!scripts.isEmpty() && version <= scripts.get(scripts.size() - 1).version()) {
                throw new CampaignException("migration index line " + line + ": version " + version
                        + " must be greater than the version before it");
            }
            String sql = text(name);
            Map<String, String> variants = new LinkedHashMap<>();
            StringBuilder summed = new StringBuilder(sql);
            for (String product : PartnerSchema.PRODUCTS) {
                String where = PartnerSchema.variant(product, name);
                String variant = optionalText(where);
                if (variant != null) {
                    variants.put(product, variant);
                    summed.append("\n-- ").append(where).append('\n').append(variant);
                }
            }
            scripts.add(new Migration(version, m.group(2).replace('_', ' '), name, sql, checksum(summed.toString()),
                    variants));
        }
        return scripts;
    }

    /**
     * Applies every script not yet applied, each in its own transaction, in order. The history is read and the
     * missing scripts applied under a database lock ({@link DatabaseLock}, one per history): nodes starting together
     * on one database apply each script once, the others wait and then find it applied.
     *
     * @return the versions applied now (empty when the schema was up to date)
     * @throws CampaignException when a script applied earlier has changed since, or a script fails
     */
    public List<Integer> apply(DataSource dataSource) {
        List<Migration> scripts = scripts();
        return history.lock().run(dataSource, () -> applyLocked(dataSource, scripts));
    }

    private List<Integer> applyLocked(DataSource dataSource, List<Migration> scripts) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute(history.create());
            }
            Map<Integer, String> applied = applied(c);
            verify(scripts, applied);
            String product = c.getMetaData().getDatabaseProductName();
            List<Integer> done = new ArrayList<>();
            for (Migration m : scripts) {
                if (!applied.containsKey(m.version())) {
                    List<String> statements = statements(m.sql(product));
                    check.check(m, statements);
                    applyOne(c, m, statements);
                    done.add(m.version());
                }
            }
            return done;
        } catch (SQLException e) {
            throw new CampaignException("cannot read or create the schema history of " + history.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The latest version recorded as applied (0 when none). */
    public int latestApplied(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return applied(c).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        } catch (SQLException e) {
            throw new CampaignException("cannot read the schema history of " + history.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private void verify(List<Migration> scripts, Map<Integer, String> applied) {
        List<String> changed = new ArrayList<>();
        for (Migration m : scripts) {
            String stored = applied.get(m.version());
            if (stored != null && !stored.equals(m.checksum())) {
                changed.add(m.script() + " (applied with checksum " + stored + ", now " + m.checksum() + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new CampaignException("schema migrations of " + history.describe()
                    + " changed after they were applied: " + String.join(", ",
                    changed) + "; restore the original scripts and put the change in a new migration");
        }
        int latest = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
        applied.keySet().stream().filter(v -> v > latest).forEach(v -> LOG.warn(
                "The database has schema version {} of {} applied, newer than the latest this bundle knows ({})", v,
                history.describe(), latest));
    }

    private void applyOne(Connection c, Migration m, List<String> statements) {
        LOG.info("Applying schema migration {} ({}) of {}", m.version(), m.description(), history.describe());
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            history.record(c, m, OffsetDateTime.now(clock));
            c.commit();
        } catch (SQLException e) {
            CampaignException failure = new CampaignException(
                    "schema migration " + m.script() + " failed: " + e.getMessage(), e);
            try {
                c.rollback();
            } catch (SQLException r) {
                failure.addSuppressed(r);
            }
            throw failure;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("Could not restore auto-commit after migration {}", m.script(), e);
            }
        }
    }

    private Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (PreparedStatement s = history.select(c); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    /** Splits a script into statements: the one splitter partners' scripts and their test kit use too. */
    static List<String> statements(String sql) {
        return PartnerSchema.statements(sql);
    }

    private String text(String name) {
        String text = optionalText(name);
        if (text == null) {
            throw new CampaignException("schema migration resource " + name + " of " + history.describe()
                    + " is missing from the bundle");
        }
        return text;
    }

    /** The resource's text with line endings normalised, or null when there is none. */
    private String optionalText(String name) {
        try (InputStream in = source.open(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema migration resource " + name, e);
        }
    }

    static String checksum(String sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
