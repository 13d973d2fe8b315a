package uk.nhs.safety.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Stream;


import org.h2.jdbcx.JdbcConnectionPool;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Migrations;
import uk.nhs.safety.campaign.model.internal.db.PartnerStoreImpl;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.Settings;
import uk.nhs.safety.partner.nhsla.internal.claims.ClaimsCsv;
import uk.nhs.safety.partner.nhsla.internal.claims.ClaimsGenerator;

/**
 * The NHS LA benchmark: generates realistic claims files (codes of the real trusts in core's bundled ODS list),
 * then prints the parse-only rate, the end-to-end import rate into an embedded H2 file database (core's own
 * migrations and PartnerStore, the partner's real import), their ratio, peak live heap for 100k and for the full size,
 * and profile and linkage latencies over all the claims. Run it with a fixed heap (see run-nhsla.sh).
 */
public final class NhslaBench {

    private NhslaBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(dir);
        List<String> codes = trustCodes();
        System.out.printf("NHS LA benchmark: %d rows, %d trust codes, %d cores, max heap %d MB, Java %s%n", rows,
                codes.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));

        Path small = generate(dir, codes, 100_000);
        Path large = generate(dir, codes, rows);

        // Warm up the parser and the import path once on the small file (JIT), not counted.
        parse(small);
        importFile(dir.resolve("warmup"), small, false);

        double parseRate = rate(rows, () -> parse(large));
        long smallHeap = liveHeapDuring(() -> importFile(dir.resolve("heap-small"), small, false));
        long largeHeap = liveHeapDuring(() -> importFile(dir.resolve("heap-large"), large, false));
        long largeTime = importFile(dir.resolve("db-large"), large, true);
        double importRate = rows * 1e9 / largeTime;

        System.out.println();
        System.out.printf("parse only          : %,12.0f rows/s%n", parseRate);
        System.out.printf("import end to end   : %,12.0f rows/s  (%d rows in %.1f s)%n", importRate, rows,
                largeTime / 1e9);
        System.out.printf("ratio import/parse  : %12.2f  (target at least 0.33)%n", importRate / parseRate);
        double floorRate = rows * 1e9 / h2Floor(dir.resolve("floor"), rows);
        System.out.printf("H2 floor (plain batched INSERTs of the same width, one transaction, no parsing): %,.0f rows/s,"
                + " ratio to parse %.2f%n", floorRate, floorRate / parseRate);
        System.out.printf("peak live heap during import (separate sampled runs), 100k rows: %,4d MB, %,d rows: %,4d MB%n",
                smallHeap >> 20, rows, largeHeap >> 20);
        long[] reimport = importAgain(dir.resolve("db-large"), large);
        System.out.printf("re-import same file : %.1f s (all unchanged: %s)%n", reimport[0] / 1e9, reimport[1] == rows);

        NhslaService service = service(dir.resolve("db-large"));
        String member = codes.get(0);
        System.out.println();
        System.out.println("latency over " + rows + " claims (best of 5, ms):");
        latency("national profile", () -> service.profile(null, 2005, 2014).claims());
        latency("member profile " + member, () -> service.profile(member, 2005, 2014).claims());
        latency("member linkage " + member, () -> service.linkage(member, 2005, 2014).areas().size());
        latency("linkage of all members", () -> service.linkageAll(2005, 2014).size());
    }

    static List<String> trustCodes() throws IOException {
        try (InputStream in = Database.class.getResourceAsStream("/demo/etr.csv");
             BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(l -> l.substring(0, l.indexOf(',')).replace("\"", "")).toList();
        }
    }

    static Path generate(Path dir, List<String> codes, long rows) throws IOException {
        Path file = dir.resolve("claims-" + rows + ".csv");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new ClaimsGenerator(codes, 2014, 2014).write(w, rows, "BENCH/");
            }
            System.out.printf("generated %s (%d MB) in %.1f s%n", file.getFileName(), Files.size(file) >> 20,
                    (System.nanoTime() - t) / 1e9);
        }
        return file;
    }

    static long parse(Path file) {
        long[] n = new long[1];
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new ClaimsCsv(Settings.defaults().schemes(), LocalDate.now()).engine(ods -> true).parse(r, c -> n[0]++,
                    problems -> {
                        throw new IllegalStateException("generated row refused: " + problems);
                    });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    private static double rate(long rows, LongSupplier run) {
        long t = System.nanoTime();
        long n = run.getAsLong();
        if (n != rows) {
            throw new IllegalStateException("parsed " + n + " rows, expected " + rows);
        }
        return rows * 1e9 / (System.nanoTime() - t);
    }

    /** A fresh H2 file database with core's schema and the partner's tables, as in the container. */
    private static PartnerDatabase open(Path dbDir, boolean fresh) throws IOException {
        if (fresh && Files.exists(dbDir)) {
            try (Stream<Path> s = Files.walk(dbDir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dbDir.toAbsolutePath()
                + "/safety;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        Database database = new Database(pool, Migrations.bundled(Clock.systemUTC()));
        return new PartnerStoreImpl(database, Clock.systemUTC()).open("nhsla",
                ScriptSource.classpath(NhslaService.class, "db"));
    }

    private static NhslaService service(Path dbDir) throws IOException {
        // Every trust a member with a published plan naming two focus areas, so the linkage has work to do.
        return new NhslaService(open(dbDir, false), ods -> true,
                ods -> Optional.of(new NhslaService.PublishedPlan(1, List.of("maternity", "diagnosis-in-ae"))),
                Clock.systemUTC(), Settings.defaults(), null);
    }

    /**
     * What H2 alone costs: the same number of rows of the claims table's shape inserted in 500-row JDBC batches in one
     * transaction and committed, values made up in memory (no file, no validation, no lookups, no summary). No import
     * into this database can be faster, so it bounds the import/parse ratio this database allows.
     */
    private static long h2Floor(Path dbDir, long rows) throws IOException, SQLException {
        open(dbDir, true);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dbDir.toAbsolutePath()
                + "/safety;DB_CLOSE_ON_EXIT=FALSE", "sa", "")) {
            try (Statement st = c.createStatement()) {
                // nhsla_claim's columns (V1__claims_and_bids.sql)
                st.execute("CREATE TABLE floor_claim (claim_ref VARCHAR(40) NOT NULL PRIMARY KEY,"
                        + " ods_code VARCHAR(8) NOT NULL, scheme VARCHAR(10) NOT NULL, specialty VARCHAR(80) NOT NULL,"
                        + " cause VARCHAR(80) NOT NULL, injury VARCHAR(80) NOT NULL, incident_date DATE NOT NULL,"
                        + " notification_date DATE NOT NULL, notification_fy INTEGER NOT NULL,"
                        + " status VARCHAR(10) NOT NULL, damages_pence BIGINT NOT NULL, defence_pence BIGINT NOT NULL,"
                        + " claimant_pence BIGINT NOT NULL)");
            }
            c.setAutoCommit(false);
            Date incident = Date.valueOf("2012-03-18");
            Date notified = Date.valueOf("2014-06-01");
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO floor_claim VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    ps.setString(1, "FLOOR/" + i);
                    ps.setString(2, "RGT");
                    ps.setString(3, "CNST");
                    ps.setString(4, "Obstetrics");
                    ps.setString(5, "Failure/Delay Diagnosis");
                    ps.setString(6, "Brain Damage");
                    ps.setDate(7, incident);
                    ps.setDate(8, notified);
                    ps.setInt(9, 2014);
                    ps.setString(10, "SETTLED");
                    ps.setLong(11, i);
                    ps.setLong(12, 10_000);
                    ps.setLong(13, 20_000);
                    ps.addBatch();
                    if (i % 500 == 499) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return System.nanoTime() - t;
        }
    }

    /** Imports into a fresh database; the elapsed nanoseconds. */
    private static long importFile(Path dbDir, Path file, boolean print) {
        try {
            NhslaService service = service(prepare(dbDir));
            long t = System.nanoTime();
            ImportReport r;
            try (InputStream in = Files.newInputStream(file)) {
                r = service.importClaims(new ImportRequest(file.getFileName().toString(), in, false, null, "bench"));
            }
            long elapsed = System.nanoTime() - t;
            if (print) {
                System.out.printf("imported %s: %d created in %.1f s%n", file.getFileName(), r.created(),
                        elapsed / 1e9);
            }
            return elapsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path prepare(Path dbDir) throws IOException {
        open(dbDir, true);
        return dbDir;
    }

    private static long[] importAgain(Path dbDir, Path file) throws IOException {
        NhslaService service = service(dbDir);
        long t = System.nanoTime();
        ImportReport r;
        try (InputStream in = Files.newInputStream(file)) {
            r = service.importClaims(new ImportRequest(file.getFileName().toString(), in, false, null, "bench"));
        }
        return new long[] {System.nanoTime() - t, r.unchanged()};
    }

    private static void latency(String what, LongSupplier run) {
        long[] times = new long[5];
        long result = 0;
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            result = run.getAsLong();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf("  %-32s best %8.1f ms, median %8.1f ms  (result %d)%n", what, times[0] / 1e6,
                times[2] / 1e6, result);
    }

    /**
     * The peak live heap of an import: a sampler forces a full collection every 200 ms while the import runs and
     * records the heap still in use after it (the data the import and H2 hold, not garbage waiting to be collected).
     * This slows the import, so it is a run of its own, never the timed one.
     */
    static long liveHeapDuring(Runnable work) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(200_000_000L);
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            work.run();
        } finally {
            done.set(true);
            sampler.join();
        }
        return peak.get();
    }
}
