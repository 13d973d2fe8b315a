package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure that a commit the store has returned from is on disk before anyone is told it succeeded: an
 * acknowledged write (HTTP 2xx, a console success line) must survive the process being killed right afterwards.
 *
 * <p>H2 holds commits back for up to {@code WRITE_DELAY} ms (500 by default) and writes them in the background, so a
 * SIGKILL loses the last half second of acknowledged writes. The shipped URL carries {@code WRITE_DELAY=0}, which H2
 * applies each time it opens the database; a {@code SET WRITE_DELAY 0} is not enough on its own (H2 stores it but
 * opens the database with the URL's value again), but it does apply to the open database, so a configuration from
 * before the URL setting is made durable here too, with a warning to fix the URL. PostgreSQL is durable unless
 * {@code fsync} or {@code synchronous_commit} has been switched off: that is only reported.
 */
final class Durability {

    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);

    private Durability() {
    }

    /** Checks (and for H2, sets) the database's commit durability; never fails the start because of it. */
    static void ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                ensureH2(c);
            } else if (product.contains("postgresql")) {
                checkPostgresql(c);
            }
        } catch (SQLException e) {
            LOG.warn("Could not check that commits are written at once (the store carries on): {}", e.getMessage(),
                    e);
        }
    }

    private static void ensureH2(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        if (url != null && url.toUpperCase(Locale.ROOT).startsWith("JDBC:H2:MEM:")) {
            return; // nothing to lose to a crash that is not lost anyway
        }
        // one row per source of the setting: the URL's (or H2's default) and, once SET, the stored one
        boolean delayed = false;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM"
                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            while (rs.next()) {
                delayed |= !"0".equals(rs.getString(1));
            }
        }
        if (!delayed) {
            return;
        }
        LOG.warn("The H2 URL of the campaign database has no WRITE_DELAY=0: H2 would hold commits back for up to"
                + " half a second, and a crash would lose writes already acknowledged. Set for now; add"
                + " ;WRITE_DELAY=0 to url in etc/org.ops4j.datasource-safety.cfg so that it holds after the next"
                + " start too");
        try (Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
    }

    private static void checkPostgresql(Connection c) throws SQLException {
        for (String setting : new String[] {"fsync", "synchronous_commit"}) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
                String value = rs.next() ? rs.getString(1) : "";
                if ("off".equalsIgnoreCase(value)) {
                    LOG.warn("PostgreSQL runs with {} = off: a crash of the database server can lose writes that"
                            + " the platform has acknowledged. Set it to on for the campaign database", setting);
                }
            }
        }
    }
}
