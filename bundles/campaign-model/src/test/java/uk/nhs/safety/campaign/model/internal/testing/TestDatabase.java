package uk.nhs.safety.campaign.model.internal.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;

/** A fresh, migrated H2 in-memory store per test, and a fixed clock. */
public final class TestDatabase {

    /** 10:00 on 1 April 2015 in London (BST, so 09:00 UTC): a date in the campaign's first year. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2015-04-01T09:00:00Z"), ZoneId.of("Europe/London"));

    public final DataSource dataSource;
    public final Database database;

    public TestDatabase() {
        dataSource = dataSource();
        database = new Database(dataSource, Migrations.bundled(CLOCK));
    }

    /** An empty in-memory database of its own. */
    public static DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** A count read on a connection of its own, so it sees only committed data. */
    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long auditRows() {
        return count("SELECT COUNT(*) FROM audit");
    }
}
