package uk.nhs.safety.campaign.model.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * A named lock held in the database, so that work which must happen once (schema migrations, demo seeding) is
 * serialised across every node on one database, and across threads of one node.
 *
 * <p>The lock is a transaction on a connection of its own, held while the work runs on other connections, and
 * released by ending that transaction; a node that dies releases it with its connection, so it never needs
 * clearing by hand.
 * <ul>
 *   <li>PostgreSQL: {@code pg_advisory_xact_lock} on a 64-bit key derived from the name (SHA-256), with a
 *       transaction-local {@code lock_timeout};</li>
 *   <li>anything else (H2, embedded or over TCP): {@code SELECT … FOR UPDATE} of the name's row in
 *       {@code schema_lock}, a table created (if missing) before anything else runs. H2 gives up a row lock wait
 *       after its own short {@code LOCK_TIMEOUT}; the wait is retried until {@code wait} has passed.</li>
 * </ul>
 */
public final class DatabaseLock {

    /** How long a caller waits for a lock by default: a migration or demo seeding on a slow machine. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLock.class);
    /** H2: "Timeout trying to lock table" and "Concurrent update": another transaction holds the row. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final int H2_CONCURRENT_UPDATE = 90131;

    /** Work done while the lock is held; may throw anything, the lock is released either way. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final String name;
    private final Duration wait;

    /** @param name what is locked, e.g. {@code migrations:core}; at most 100 characters */
    public DatabaseLock(String name, Duration wait) {
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("lock name must have 1 to 100 characters: '" + name + "'");
        }
        this.name = name;
        this.wait = wait;
    }

    public DatabaseLock(String name) {
        this(name, DEFAULT_WAIT);
    }

    /**
     * Runs {@code work} holding the lock: waits while another node or thread holds it.
     *
     * @throws CampaignException when the lock cannot be taken within the wait, or the database fails; a
     *                           {@link SQLException} of the work comes back as one too
     */
    public <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            boolean postgres = lock.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            boolean autoCommit = lock.getAutoCommit();
            try {
                if (postgres) {
                    lock.setAutoCommit(false);
                    acquirePostgres(lock);
                } else {
                    acquireRow(lock);
                }
                return work.run();
            } finally {
                // Ending the transaction releases the lock (and the connection is clean for the pool).
                if (!lock.getAutoCommit()) {
                    lock.rollback();
                }
                lock.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new CampaignException("database lock '" + name + "': " + e.getMessage(), e);
        }
    }

    private void acquirePostgres(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key(name));
            ps.execute();
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new CampaignException("another node held the database lock '" + name + "' for more than "
                        + wait.toSeconds() + " s", e);
            }
            throw e;
        }
    }

    private void acquireRow(Connection c) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean waiting = false;
        while (true) {
            try {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS schema_lock (name VARCHAR(100) NOT NULL PRIMARY KEY)");
                }
                insertRow(c);
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT name FROM schema_lock WHERE name = ? FOR UPDATE")) {
                    ps.setString(1, name);
                    ps.executeQuery().close();
                }
                return;
            } catch (SQLException e) {
                if (!busy(e)) {
                    throw e;
                }
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new CampaignException("another node held the database lock '" + name
                            + "' for more than " + wait.toSeconds() + " s", e);
                }
                if (!waiting) {
                    LOG.info("Waiting for the database lock '{}', held by another node or thread", name);
                    waiting = true;
                }
            }
        }
    }

    private void insertRow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_lock (name) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM schema_lock WHERE name = ?)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) { // inserted by another node just now: there it is
                throw e;
            }
        }
    }

    private static boolean busy(SQLException e) {
        return H2_LOCK_TIMEOUT.equals(e.getSQLState()) || e.getErrorCode() == H2_CONCURRENT_UPDATE;
    }

    /** The advisory lock key: the first 8 bytes of the SHA-256 of the name, so distinct names do not collide. */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("uk.nhs.safety:" + name)
                    .getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
