package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash during a large NHS LA claims import: the Karaf process is killed with SIGKILL while the import is writing,
 * restarted, and the claims are exactly the old state (the import's transaction never committed) or exactly the new
 * one, never part of it.
 */
class NhslaCrashIT {

    static final int OLD = 3;
    static final int LARGE = 300_000;
    static final String HEADER = "claim_reference,ods_code,scheme,specialty,cause,injury,incident_date,"
            + "notification_date,status,damages_paid,defence_costs,claimant_costs\n";
    static final Pattern TOTAL = Pattern.compile("national, financial years [^:]*: (\\d+) claims");

    @TempDir
    Path workDir;

    private KarafProcess karaf;

    @BeforeEach
    void unpack() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), workDir);
    }

    @AfterEach
    void stop() throws Exception {
        karaf.stop();
    }

    @Test
    void aKilledImportLeavesTheOldClaimsOrTheNewNeverHalf() throws Exception {
        Path small = karaf.importFolder().resolve("old.csv");
        Files.writeString(small, HEADER + rows("OLD/", OLD));
        Path large = karaf.importFolder().resolve("large.csv");
        try (BufferedWriter w = Files.newBufferedWriter(large)) {
            w.write(HEADER);
            w.write(rows("NEW/", LARGE));
        }
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        karaf.console("feature:install safety-partner-nhsla");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> karaf.console("nhsla:import " + small).contains("Created"));
        assertThat(total()).isEqualTo(OLD);

        long before = databaseBytes();
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> {
            try {
                return karaf.console("nhsla:import " + large);
            } catch (Exception e) {
                return "console ended: " + e;
            }
        });
        // Mid-way: the uncommitted rows have reached the database file (H2 writes them out as it goes).
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> databaseBytes() > before + 8 * 1024 * 1024 || running.isDone());
        assertThat(running).as("the import must still be running when the process is killed").isNotDone();
        karaf.kill();

        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> TOTAL.matcher(karaf.console("nhsla:profile --from 2000 --to 2030")).find());
        long after = total();
        assertThat(after).as("claims after the crash: the old state or the new one").isIn((long) OLD,
                (long) OLD + LARGE);
    }

    private long total() throws Exception {
        String out = karaf.console("nhsla:profile --from 2000 --to 2030");
        Matcher m = TOTAL.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long databaseBytes() throws IOException {
        try (Stream<Path> files = Files.walk(karaf.home().resolve("data"))) {
            return files.filter(p -> p.toString().endsWith(".mv.db")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String rows(String prefix, int n) {
        StringBuilder b = new StringBuilder(n * 120);
        for (int i = 1; i <= n; i++) {
            b.append(prefix).append(i).append(",RGT,CNST,").append(i % 8 == 0 ? "Obstetrics" : "Nursing")
                    .append(",Fall,Fracture,2014-01-01,2014-06-01,settled,").append(1000 + i % 500)
                    .append(",100,200\n");
        }
        return b.toString();
    }
}
