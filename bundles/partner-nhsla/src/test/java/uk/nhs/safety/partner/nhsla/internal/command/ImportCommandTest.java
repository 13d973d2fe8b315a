package uk.nhs.safety.partner.nhsla.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.cluster.JobRunningException;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsla.internal.NhslaService;
import uk.nhs.safety.partner.nhsla.internal.Settings;
import uk.nhs.safety.partner.nhsla.internal.claims.ClaimsImportTest;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FolderFileArea;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;

class ImportCommandTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T12:41:07Z");

    /** Core's jobs once per cluster as two nodes see them: one shared record of running jobs (core tests the real one). */
    private record Node(String id, Map<String, String> running) implements ClusterJobs {
        @Override
        public <T> T runExclusive(String job, String description, Supplier<T> work) {
            String holder = running.putIfAbsent(job, id);
            if (holder != null) {
                throw new JobRunningException(job, description, holder, STARTED);
            }
            try {
                return work.get();
            } finally {
                running.remove(job);
            }
        }
    }

    @Test
    void aSecondImportWhileOneRunsOnAnotherNodePrintsTheNodeAndStartOnStandardOutput(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("claims.csv"), ClaimsImportTest.HEADER + ClaimsImportTest.row("A", "RGT", "10"));
        H2PartnerDatabase db = new H2PartnerDatabase("nhsla", ScriptSource.classpath(NhslaService.class, "db"));
        Map<String, String> running = new ConcurrentHashMap<>();
        Clock clock = Clock.fixed(STARTED, ZoneOffset.UTC);
        NhslaService web2 = new NhslaService(db, ods -> true, ods -> Optional.empty(), clock, Settings.defaults(),
                new Node("web2-77b0e1", running));
        AtomicReference<ConsoleOutput> second = new AtomicReference<>();
        // web1's import asks whether RGT is a member while it runs: that is when the operator tries web2.
        Predicate<String> duringImport = ods -> {
            second.compareAndSet(null, run(command(web2, dir)));
            return true;
        };
        NhslaService web1 = new NhslaService(db, duringImport, ods -> Optional.empty(), clock, Settings.defaults(),
                new Node("web1-3f9a2c", running));

        ConsoleOutput first = run(command(web1, dir));

        assertThat(second.get().printed()).isEqualToNormalizingNewlines("Error: a claims import is already running on"
                + " node web1-3f9a2c since 2026-12-03T12:41:07Z; try again when it has finished\n");
        assertThat(second.get().exitStatus()).as("bin/client exit status").isEqualTo(1);
        assertThat(first.printed()).contains("Created").doesNotContain("Error");
        assertThat(db.count("SELECT COUNT(*) FROM nhsla_claim")).isEqualTo(1);
        assertThat(run(command(web2, dir)).printed()).as("free again once the first has finished")
                .doesNotContain("Error");
    }

    private static ImportCommand command(NhslaService service, Path dir) {
        ImportCommand command = new ImportCommand();
        command.service = service;
        command.of(new FolderFileArea(dir), "claims.csv");
        return command;
    }

    private static ConsoleOutput run(ImportCommand command) {
        try {
            return ConsoleOutput.run(command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
