package uk.nhs.safety.campaign.model.internal.demo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;

/**
 * Where demo seeding is claimed, once per database ({@code demo_seed}), and the lock under which it is claimed and
 * done, so that of several nodes starting together on an empty database one seeds and the others find it seeded.
 */
interface SeedLedger {

    /** The database lock seeding runs under. */
    String LOCK = "demo-seed";

    /** Who started seeding this database, when, and when it finished (empty: stopped part-way). */
    record Claim(String node, Instant startedAt, Optional<Instant> finishedAt) {
    }

    /** Runs {@code work} holding the seeding lock: one node at a time. */
    <T> T exclusively(Supplier<T> work);

    /** The claim recorded, if any. */
    Optional<Claim> claim();

    /** Records that {@code node} starts seeding. */
    void start(String node);

    /** Records that seeding has finished. */
    void finish();

    /** In the campaign database, under a {@link Database#underLock database lock}. */
    static SeedLedger jdbc(Database database, Clock clock) {
        return new SeedLedger() {
            @Override
            public <T> T exclusively(Supplier<T> work) {
                return database.underLock(LOCK, work);
            }

            @Override
            public Optional<Claim> claim() {
                return database.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT node_id, started_at, finished_at FROM demo_seed WHERE singleton = 1");
                         ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Claim>empty();
                        }
                        return Optional.of(new Claim(rs.getString("node_id"), Sql.instant(rs, "started_at"),
                                Optional.ofNullable(Sql.instant(rs, "finished_at"))));
                    }
                });
            }

            @Override
            public void start(String node) {
                database.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM demo_seed")) {
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO demo_seed (singleton, node_id, started_at) VALUES (1, ?, ?)")) {
                        ps.setString(1, node);
                        Sql.setInstant(ps, 2, clock.instant());
                        return ps.executeUpdate();
                    }
                });
            }

            @Override
            public void finish() {
                database.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE demo_seed SET finished_at = ? WHERE singleton = 1")) {
                        Sql.setInstant(ps, 1, clock.instant());
                        return ps.executeUpdate();
                    }
                });
            }
        };
    }
}
