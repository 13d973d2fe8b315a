package uk.nhs.safety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.event.EventPublisher;
import uk.nhs.safety.campaign.model.internal.event.EventStore;
import uk.nhs.safety.campaign.model.internal.event.NewEvent;
import uk.nhs.safety.campaign.model.internal.member.MemberServiceImpl;
import uk.nhs.safety.campaign.model.internal.pledge.PledgeServiceImpl;

/**
 * What durable acknowledgements cost: core's real write path (a pledge action: validation, insert, audit row, one
 * transaction) into an embedded H2 file database with H2's default {@code WRITE_DELAY=500} (commits written in the
 * background, lost by a crash within half a second) and with the shipped {@code WRITE_DELAY=0} (every commit written
 * before it is acknowledged). Prints writes per second with 1 and 4 writing threads, each after a warm-up, and the
 * ratio durable / delayed. Usage: {@code bench/run-durability.sh [seconds per run]}.
 */
public final class DurabilityBench {

    /** Writes each change's events to the event log (as core does), posts them nowhere. */
    private static final EventPublisher LOG_ONLY = new EventPublisher() {
        @Override
        public void record(Connection c, Instant at, List<NewEvent> events) throws SQLException {
            EventStore.append(c, "bench", at, events);
        }

        @Override
        public void post(String topic, Map<String, Object> properties) {
        }
    };

    private DurabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench").resolve("durability");
        System.out.printf("Durable acknowledgements: pledge actions written through core, %d s per run%n", seconds);
        System.out.printf("%-28s | %8s | %12s%n", "H2 setting", "threads", "writes/s");
        double[][] rates = new double[2][2];
        String[] settings = {"WRITE_DELAY=500 (H2 default)", "WRITE_DELAY=0 (shipped)"};
        int[] threads = {1, 4};
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 2; t++) {
                rates[s][t] = run(dir.resolve(s + "-" + t), s == 0 ? 500 : 0, threads[t], seconds);
                System.out.printf("%-28s | %8d | %12.0f%n", settings[s], threads[t], rates[s][t]);
            }
        }
        for (int t = 0; t < 2; t++) {
            System.out.printf("ratio durable/delayed, %d thread(s): %.2f%n", threads[t], rates[1][t] / rates[0][t]);
        }
    }

    private static double run(Path dir, int writeDelay, int threads, int seconds) throws Exception {
        delete(dir);
        Files.createDirectories(dir);
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.toAbsolutePath() + "/safety"
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + writeDelay, "sa", "");
        try {
            Clock clock = Clock.systemUTC();
            Database db = new Database(pool, Migrations.bundled(clock));
            if (writeDelay != 0) {
                // core sets 0 on a database opened without it (and warns): put H2's default back for the comparison
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY " + writeDelay);
                }
            }
            new MemberServiceImpl(db, LOG_ONLY, clock).join("bench", new NewMember("RGT",
                    "CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST", OrganisationType.ACUTE,
                    "East of England", "CB2 0QQ", LocalDate.of(2014, 6, 24)));
            PledgeServiceImpl pledges = new PledgeServiceImpl(db, LOG_ONLY, clock);
            write(pledges, threads, Math.max(1, seconds / 2)); // warm-up
            return write(pledges, threads, seconds) / (double) seconds;
        } finally {
            pool.dispose();
        }
    }

    private static long write(PledgeServiceImpl pledges, int threads, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = done.incrementAndGet();
                    pledges.addAction("bench", "RGT", new NewAction(Pledge.values()[(int) (n % 5)],
                            "Benchmark action " + n, "Director of Nursing", LocalDate.of(2016, 3, 31),
                            ActionStatus.PLANNED));
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
