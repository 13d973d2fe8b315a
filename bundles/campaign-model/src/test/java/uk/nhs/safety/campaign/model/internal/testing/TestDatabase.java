package uk.nhs.safety.campaign.model.internal.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;

/**
 * A fresh, migrated store per test (H2 in memory, or PostgreSQL through {@link StoreTest}), and a fixed clock.
 */
public final class TestDatabase {

    /** 10:00 on 1 April 2015 in London (BST, so 09:00 UTC): a date in the campaign's first year. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2015-04-01T09:00:00Z"), ZoneId.of("Europe/London"));

    public final StoreKind kind;
    public final DataSource dataSource;
    public final Database database;

    /** On an in-memory H2. */
    public TestDatabase() {
        this(StoreKind.h2());
    }

    /** On a new, empty database of {@code kind}. */
    public TestDatabase(StoreKind kind) {
        this.kind = kind;
        dataSource = kind.newDataSource();
        database = new Database(dataSource, Migrations.bundled(CLOCK));
    }

    /** An empty in-memory H2 database of its own. */
    public static DataSource dataSource() {
        return StoreKind.h2().newDataSource();
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
