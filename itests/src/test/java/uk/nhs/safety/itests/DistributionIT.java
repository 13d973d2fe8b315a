package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator meets it: unpacked from the built archive, started with bin/karaf, driven through
 * bin/client, stopped with bin/stop and started again. Proves first-start demo seeding and that data survives a
 * restart.
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

    @Test
    void seedsDemoDataOnFirstStartAndKeepsEverythingAcrossARestart() throws Exception {
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
        String added = karaf.console("safety:action-add --owner \"Director of Nursing\" RGT 3"
                + " \"Publish monthly harm data on the public website\"");
        assertThat(added).doesNotContain("Error");
        String recorded = karaf.console("safety:measure-record RGT cardiac-arrests-per-1000 2019-01 0.42");
        assertThat(recorded).doesNotContain("Error");

        karaf.stop();
        karaf.start();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        assertThat(karaf.console("safety:action-list RGT")).contains("Publish monthly harm data on the public website");
        assertThat(karaf.console("safety:measure-show RGT cardiac-arrests-per-1000")).contains("2019-01 |  0.42");
        assertThat(karaf.console("safety:audit --limit 5 RGT")).contains("admin");
        assertThat(karaf.log()).doesNotContain("| ERROR |");
    }

    /** A Karaf distribution unpacked into a directory, on free ports. */
    static final class KarafProcess {
        private final Path home;
        private final int sshPort;
        private Process process;

        private KarafProcess(Path home, int sshPort) {
            this.home = home;
            this.sshPort = sshPort;
        }

        static KarafProcess unpack(Path archive, Path into) throws Exception {
            run(into, List.of("tar", "xzf", archive.toString(), "-C", into.toString()), Duration.ofMinutes(1));
            Path home;
            try (var entries = Files.list(into)) {
                home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            int ssh = KarafTestSupport.freePort();
            setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", ssh);
            setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                    KarafTestSupport.freePort());
            setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                    KarafTestSupport.freePort());
            setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port",
                    KarafTestSupport.freePort());
            return new KarafProcess(home, ssh);
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
            process = builder.start();
        }

        void stop() throws Exception {
            if (process == null || !process.isAlive()) {
                return;
            }
            run(home, List.of("bin/stop"), Duration.ofMinutes(1));
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("Karaf did not stop within 90 s");
            }
        }

        /** Runs console commands through bin/client (commands on standard input, as scripts should). */
        String console(String commands) throws Exception {
            Path script = Files.createTempFile(home, "commands", ".txt");
            Files.writeString(script, commands + "\n");
            ProcessBuilder builder = new ProcessBuilder("bin/client", "-a", Integer.toString(sshPort), "-u", "admin",
                    "-p", "admin", "-b").directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(script.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
            Process client = builder.start();
            byte[] out = client.getInputStream().readAllBytes();
            if (!client.waitFor(60, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("bin/client did not finish: " + commands);
            }
            return new String(out, StandardCharsets.UTF_8);
        }

        String log() throws IOException {
            return Files.readString(home.resolve("data/log/karaf.log"));
        }

        private static void setProperty(Path cfg, String key, int value) throws IOException {
            Files.writeString(cfg, "\n" + key + " = " + value + "\n", StandardOpenOption.APPEND);
        }

        private static void run(Path dir, List<String> command, Duration timeout) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
            builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " failed in " + dir);
            }
        }
    }
}
