package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator meets it: unpacked from the built archive, started with bin/karaf, driven through
 * its console (bin/client and SSH), stopped with bin/stop and started again. Proves first-start demo seeding and that
 * data survives a restart, and that a partner body's project made from the template (partner-archetype) outside this
 * repository builds against the released contract and installs, upgrades and uninstalls with core untouched.
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

    /** The partner the template test makes: id, Maven coordinates and its features repository's URL. */
    private static final String PARTNER = "acme";
    private static final String PARTNER_GROUP = "org.example.safety";
    private static final String PARTNER_ARTIFACT = "partner-acme";

    private static String partnerRepository(String version) {
        return "mvn:" + PARTNER_GROUP + "/" + PARTNER_ARTIFACT + "/" + version + "/xml/features";
    }

    /**
     * How an operator installs or upgrades a partner from its own features repository: with the platform's checks
     * (partner header, contract range, a dry run that refreshes nothing of core), which picks the repository's newest
     * version of the feature.
     */
    private static String installPartner(String repository, String feature) {
        return "safety:partner-install " + repository + " " + feature;
    }

    @Test
    void aPartnerMadeFromTheTemplateInstallsUpgradesUnderCoreTrafficAndUninstallsWithCoreUntouched() throws Exception {
        karaf.useLocalMavenRepository(Path.of(System.getProperty("maven.repo.local")));
        karaf.start();
        // While core starts and seeds its demo data, as a partner body would: a project from the template, outside
        // the reactor, built offline against the released contract only (api-releases/), unit tests included; and
        // its 1.0.1. (Not during Karaf's first boot: KarafProcess takes a boot slower than 2 minutes for a deadlock.)
        CompletableFuture<String> partnerBuilt = CompletableFuture.supplyAsync(this::buildPartnerFromTemplate);
        assertThat(partnerBuilt.get(8, TimeUnit.MINUTES)).contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0")
                .contains("partner-acme-1.0.1-features.xml");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> karaf.console("safety:member-list --limit 1").contains("of 241 members"));
        String coreBefore = coreBundles();

        assertThat(karaf.console(installPartner(partnerRepository("1.0.0"), PARTNER_ARTIFACT)))
                .doesNotContain("Error");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> partnerRow().contains("1.0.0") && partnerRow().contains("UP"));
        assertThat(karaf.console(PARTNER + ":publications RGT")).contains("RGT: ").doesNotContain("Error");
        // its console commands are not open to every console user: the feature brings their ACL
        assertThat(karaf.console("config:list \"(service.pid=org.apache.karaf.command.acl." + PARTNER + ")\""))
                .contains("publications = viewer, operator, admin");
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                karaf.httpBase().resolve("/api/v1/partners/" + PARTNER + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).startsWith("{\"partner\":\"acme\",\"publications\":");

        // The upgrade while a client keeps reading a core route: no failed request, no core bundle touched.
        int logFrom = karaf.log().length();
        Traffic traffic = Traffic.start(karaf.httpBase().resolve("/api/v1/summary"));
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.requests.get() >= 5);
        long upgradeStart = System.nanoTime();
        assertThat(karaf.console(installPartner(partnerRepository("1.0.1"), PARTNER_ARTIFACT)))
                .doesNotContain("Error");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> partnerRow().contains("1.0.1") && partnerRow().contains("UP"));
        long upgradeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upgradeStart);
        int afterUpgrade = traffic.requests.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.requests.get() >= afterUpgrade + 5);
        traffic.stop();
        System.out.printf("partner upgrade 1.0.0 -> 1.0.1: %d ms until listed UP; %d core requests, %d failed%n",
                upgradeMillis, traffic.requests.get(), traffic.failures.size());
        assertThat(traffic.failures).as("core requests that failed during the upgrade").isEmpty();
        assertThat(coreBundles()).as("core bundles (id, state, version) after the upgrade").isEqualTo(coreBefore);
        assertThat(karaf.log().substring(logFrom).lines().filter(l -> l.contains("    uk.nhs.safety.campaign-")))
                .as("core bundles refreshed").isEmpty();

        assertThat(karaf.console("safety:partner-uninstall " + PARTNER_ARTIFACT + "\nfeature:repo-remove "
                + partnerRepository("1.0.1") + "\nfeature:repo-remove " + partnerRepository("1.0.0")))
                .doesNotContain("Error");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> partnerRow().isEmpty());
        assertThat(coreBundles()).as("core bundles after the partner is removed").isEqualTo(coreBefore);
        assertThat(karaf.log()).doesNotContain("| ERROR |");
    }

    /** Generates the partner project, builds 1.0.0 and 1.0.1 (with their unit tests); answers the build's output. */
    private String buildPartnerFromTemplate() {
        try {
            Path partners = Files.createDirectories(workDir.resolve("partners"));
            maven(partners, "org.apache.maven.plugins:maven-archetype-plugin:"
                            + System.getProperty("archetype.version") + ":generate",
                    "-DarchetypeGroupId=uk.nhs.safety", "-DarchetypeArtifactId=partner-archetype",
                    "-DarchetypeVersion=" + System.getProperty("project.version"), "-DgroupId=" + PARTNER_GROUP,
                    "-DartifactId=" + PARTNER_ARTIFACT, "-Dversion=1.0.0", "-DpartnerId=" + PARTNER,
                    "-DpartnerName=Acme Safety Body",
                    "-DsafetyRepository=" + Path.of(System.getProperty("api.releases")).toAbsolutePath().toUri());
            Path project = partners.resolve(PARTNER_ARTIFACT);
            Path upgrade = partners.resolve(PARTNER_ARTIFACT + "-1.0.1");
            copy(project, upgrade);
            Path pom = upgrade.resolve("pom.xml");
            Files.writeString(pom, Files.readString(pom).replaceFirst("<version>1.0.0</version>",
                    "<version>1.0.1</version>"));
            // both versions in one Maven run (one JVM start less), each with its unit tests
            Files.writeString(partners.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>org.example.safety.build</groupId>
                      <artifactId>partners</artifactId>
                      <version>1</version>
                      <packaging>pom</packaging>
                      <modules><module>%s</module><module>%s</module></modules>
                      <build><plugins><plugin>
                        <artifactId>maven-install-plugin</artifactId><version>3.1.3</version>
                      </plugin></plugins></build>
                    </project>
                    """.formatted(project.getFileName(), upgrade.getFileName()));
            return maven(partners, "install");
        } catch (Exception e) {
            throw new IllegalStateException("building the partner from the template failed: " + e.getMessage(), e);
        } catch (AssertionError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The template partner's row in safety:partner-list, or "" when it is not listed. */
    private String partnerRow() throws Exception {
        return karaf.console("safety:partner-list").lines().filter(l -> l.startsWith(PARTNER + " ")).findFirst()
                .orElse("");
    }

    /** The platform's own bundles: id, state, level, version and symbolic name of each. */
    private String coreBundles() throws Exception {
        return String.join("\n", karaf.console("bundle:list -s -t 0 --no-format").lines()
                .filter(l -> l.contains("uk.nhs.safety.")).toList());
    }

    /** Runs this build's Maven, offline, on the build's local repository; answers its output or fails with it. */
    private static String maven(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-o",
                // file: repositories (the released contract in api-releases/) are readable offline
                "-Daether.offline.protocols=file", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local")));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(dir, "maven", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
        Process maven = builder.start();
        boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
        String log = Files.readString(output);
        Files.delete(output);
        if (!finished) {
            maven.destroyForcibly();
        }
        assertThat(finished && maven.exitValue() == 0).as("%s in %s:%n%s", command, dir, log).isTrue();
        return log;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    /** One client reading a core route back to back until stopped: every answer but 200 is a failure. */
    private static final class Traffic {
        final AtomicInteger requests = new AtomicInteger();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private CompletableFuture<Void> loop;

        static Traffic start(URI uri) {
            Traffic t = new Traffic();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
            t.loop = CompletableFuture.runAsync(() -> {
                while (t.running.get()) {
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            t.failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (java.io.IOException e) {
                        t.failures.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    t.requests.incrementAndGet();
                }
            });
            return t;
        }

        void stop() throws Exception {
            running.set(false);
            loop.get(30, TimeUnit.SECONDS);
        }
    }
}
