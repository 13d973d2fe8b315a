package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator meets it: unpacked from the built archive, started with bin/karaf, driven through
 * its console (bin/client and SSH), stopped with bin/stop and started again. Proves first-start demo seeding and that
 * data survives a restart.
 */
class DistributionIT {

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

    /** Before the first start: the store to run on (the distribution's default, embedded H2, here). */
    void chooseDatabase(KarafProcess distribution) throws Exception {
    }

    /** After the test, with the distribution stopped: the data is where {@link #chooseDatabase} put it. */
    void checkStore(Path home) throws Exception {
        assertThat(home.resolve("data/safety/campaign.mv.db")).isNotEmptyFile();
    }

    @Test
    void seedsDemoDataOnFirstStartAndKeepsEverythingAcrossARestart() throws Exception {
        chooseDatabase(karaf);
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> karaf.console("safety:plan-show RV5").contains("[DEMO]"));

        String plan = karaf.console("safety:plan-show RGT");
        assertThat(plan).contains("[DEMO]").contains("cardiac-arrests-per-1000").contains("PUBLISHED");
        String chart = karaf.console("safety:measure-show RGT cardiac-arrests-per-1000");
        assertThat(chart).contains("Mean").contains("UCL");

        // Karaf's shell takes options before arguments.
        // as operators' scripts do: commands on bin/client's standard input
        KarafProcess.ClientRun added = karaf.client("safety:action-add --owner \"Director of Nursing\" RGT 3"
                + " \"Publish monthly harm data on the public website\"");
        assertThat(added.output()).doesNotContain("Error");
        assertThat(added.exitStatus()).isZero();
        assertThat(karaf.client("safety:measure-record RGT cardiac-arrests-per-1000 2019-01 0.42").output())
                .doesNotContain("Error");
        // the example plan the README names ships in the import folder, where plan-import reads it
        assertThat(karaf.console("safety:plan-import RJZ example-plan.json")).contains("Saved plan for RJZ: ")
                .doesNotContain("Error");
        // A script sees why a command failed and that it failed: the error on the output, exit status 1, whether
        // the commands come on standard input (-b; the first that fails ends the script) ...
        KarafProcess.ClientRun refused = karaf.client("safety:member-show RZZ\nsafety:member-show RGT");
        assertThat(refused.output()).contains("Error: no member with ODS code 'RZZ'").doesNotContain("Pledge page:");
        assertThat(refused.exitStatus()).isEqualTo(1);
        // ... or one command as bin/client's argument (from a terminal: see clientExec)
        KarafProcess.ClientRun refusedExec = karaf.clientExec("safety:member-show RZY");
        assertThat(refusedExec.output()).contains("Error: no member with ODS code 'RZY'");
        assertThat(refusedExec.exitStatus()).isEqualTo(1);
        KarafProcess.ClientRun shown = karaf.clientExec("safety:member-show RGT");
        assertThat(shown.output()).contains("Pledge page:").doesNotContain("Error");
        assertThat(shown.exitStatus()).isZero();

        karaf.stop();
        karaf.start();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        assertThat(karaf.console("safety:action-list RGT")).contains("Publish monthly harm data on the public website");
        assertThat(karaf.console("safety:measure-show RGT cardiac-arrests-per-1000")).contains("2019-01 |  0.42");
        assertThat(karaf.console("safety:audit --limit 5 RGT")).contains("admin");
        assertThat(karaf.log()).doesNotContain("| ERROR |");
        karaf.stop();
        checkStore(karaf.home());
    }
}
