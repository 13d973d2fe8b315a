package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Installs this build on a running platform, checks it runs, and removes it again, through the platform's console
 * as an operator's script drives it ({@code bin/client -b}, commands on standard input):
 * <pre>
 * mvn install                                   # this build into the local Maven repository the platform reads
 * mvn verify -Dsafety.karaf=/opt/safety -Dsafety.ssh.port=8101 [-Dsafety.user=admin -Dsafety.password=admin]
 * </pre>
 * Skipped unless {@code safety.karaf} names the platform's Karaf home. The platform must find this build's artifacts:
 * on a developer's machine it reads the local Maven repository; elsewhere, see the partner guide.
 */
@EnabledIfSystemProperty(named = "safety.karaf", matches = ".+")
class InstallIT {

    private static final String FEATURE = "${artifactId}";
    private static final String REPOSITORY = "mvn:${groupId}/${artifactId}/" + System.getProperty("project.version")
            + "/xml/features";

    private final Path karaf = Path.of(System.getProperty("safety.karaf"));

    @Test
    void installsRunsAndUninstallsOnTheRunningPlatform() throws Exception {
        String installed = console("feature:repo-add " + REPOSITORY + "\nfeature:install " + FEATURE);
        assertThat(installed).doesNotContain("Error");

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> partnerLine(console("safety:partner-list")).contains("UP"));
        assertThat(partnerLine(console("safety:partner-list"))).contains(System.getProperty("project.version"));
        assertThat(console("${partnerId}:publications --limit 5 RGT")).doesNotContain("Error")
                .contains("RGT: ");

        String removed = console("feature:uninstall " + FEATURE + "\nfeature:repo-remove " + REPOSITORY);
        assertThat(removed).doesNotContain("Error");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> partnerLine(console("safety:partner-list")).isEmpty());
    }

    /** The partner's row in {@code safety:partner-list}, or "" when it is not listed. */
    private static String partnerLine(String partnerList) {
        return partnerList.lines().filter(l -> l.startsWith("${partnerId} ")).findFirst().orElse("");
    }

    private String console(String commands) throws IOException, InterruptedException {
        Path script = Files.createTempFile("${partnerId}-install", ".txt");
        try {
            Files.writeString(script, commands + "\n");
            Process client = new ProcessBuilder(karaf.resolve("bin/client").toString(),
                    "-a", System.getProperty("safety.ssh.port", "8101"),
                    "-u", System.getProperty("safety.user", "admin"),
                    "-p", System.getProperty("safety.password", "admin"), "-b")
                    .redirectErrorStream(true).redirectInput(script.toFile()).start();
            byte[] out = client.getInputStream().readAllBytes();
            if (!client.waitFor(60, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("bin/client did not finish: " + commands);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.delete(script);
        }
    }
}
