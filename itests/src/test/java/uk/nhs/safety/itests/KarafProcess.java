package uk.nhs.safety.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * The built distribution unpacked into a directory, on free ports (ssh, RMI, HTTP), started with {@code bin/karaf
 * server}, driven through its SSH console (and {@code bin/client}) and stopped with {@code bin/stop}: the platform
 * as an operator meets it.
 */
final class KarafProcess {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final int sshPort;
    private final int httpPort;
    private Process process;
    private boolean started;

    private KarafProcess(Path home, int sshPort, int httpPort) {
        this.home = home;
        this.sshPort = sshPort;
        this.httpPort = httpPort;
    }

    static KarafProcess unpack(Path archive, Path target) throws Exception {
        Path into = target.toAbsolutePath();
        run(into, List.of("tar", "xzf", archive.toString(), "-C", into.toString()), Duration.ofMinutes(1));
        Path home;
        try (var entries = Files.list(into)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int ssh = KarafTestSupport.freePort();
        int http = KarafTestSupport.freePort();
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", ssh);
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                KarafTestSupport.freePort());
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                KarafTestSupport.freePort());
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", http);
        return new KarafProcess(home, ssh, http);
    }

    /**
     * Adds a user of the JAAS realm to etc/users.properties. Only before the first start: Karaf hashes the plain
     * passwords on first use and owns the file from then on.
     */
    void addUser(String name, String password, String... roles) throws IOException {
        if (started) {
            throw new IllegalStateException("users are added before the first start, not after");
        }
        StringBuilder line = new StringBuilder("\n").append(name).append(" = ").append(password);
        for (String role : roles) {
            line.append(',').append(role);
        }
        Files.writeString(home.resolve("etc/users.properties"), line.append('\n').toString(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /**
     * Before the first start: the campaign database is the given PostgreSQL database instead of the embedded H2, by
     * configuration only (the datasource configuration is the README's PostgreSQL block; no feature to install), as
     * an operator switches a new distribution.
     */
    void usePostgresql(String url, String user, String password) throws IOException {
        if (started) {
            throw new IllegalStateException("the database is chosen before the first start");
        }
        Files.writeString(home.resolve("etc/org.ops4j.datasource-safety.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver", "url = " + url, "user = " + user,
                "password = " + password, "dataSourceName = safety", "pool = hikari", "xa = false",
                "hikari.maximumPoolSize = 10", "hikari.minimumIdle = 2", "hikari.poolName = safety",
                "hikari.initializationFailTimeout = -1", "hikari.connectionTimeout = 3000",
                "hikari.validationTimeout = 2000", "hikari.registerMbeans = true", ""));
    }

    /**
     * Before the first start: Karaf resolves {@code mvn:} URLs that are not in its system/ folder from this local Maven
     * repository (the one the build writes), as a developer's platform reads {@code ~/.m2/repository} by default.
     */
    void useLocalMavenRepository(Path repository) throws IOException {
        if (started) {
            throw new IllegalStateException("the local Maven repository is set before the first start");
        }
        Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "\norg.ops4j.pax.url.mvn.localRepository = "
                + repository.toAbsolutePath() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    int sshPort() {
        return sshPort;
    }

    int httpPort() {
        return httpPort;
    }

    /** The HTTP server's root, on the IPv4 loopback address (the rate limiter counts per remote address). */
    URI httpBase() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    Path home() {
        return home;
    }

    /** The console's import folder (the default, imports/): console commands read files only from there. */
    Path importFolder() throws IOException {
        return Files.createDirectories(home.resolve("imports"));
    }

    /** The console's export folder (the default, exports/): console commands write files only there. */
    Path exportFolder() {
        return home.resolve("exports");
    }

    /**
     * Starts Karaf. On the first start (no {@code data/cache} yet) it also waits until the boot features are
     * installed ("Deployment finished" in the log): Karaf 4.4.10 sometimes deadlocks there (the start-level thread,
     * inside the features bundle's activator, waits for the boot-feature installation, which waits for a bundle lock
     * that thread holds; seen in about 1 first boot in 15 on this machine, thread dump showing exactly that). The lock
     * was taken to stop bundles the first boot refreshed; since EventAdmin starts with the framework (see the
     * distribution's pom) the first boot refreshes nothing, so this is a safety net: a first boot that has not finished
     * within 2 minutes is killed and run again from a clean {@code data/}, once, and says so on standard error.
     */
    void start() throws IOException {
        boolean firstBoot = !Files.isDirectory(home.resolve("data/cache"));
        launch();
        started = true;
        if (!firstBoot) {
            return;
        }
        for (int attempt = 1; !bootFinished(Duration.ofMinutes(2)); attempt++) {
            if (attempt == 2) {
                throw new IllegalStateException("Karaf's first boot in " + home + " did not finish, twice");
            }
            System.err.println("KarafProcess: Karaf's first boot in " + home + " did not finish within 2 minutes"
                    + " (boot deadlock); killed, booting again from a clean data/");
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while killing a stuck Karaf", e);
            }
            try (var files = Files.walk(home.resolve("data"))) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
            launch();
        }
    }

    private void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("karaf.out").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
        process = builder.start();
    }

    /** Whether the boot features are installed within the time (false also when Karaf has exited). */
    private boolean bootFinished(Duration limit) {
        Path log = home.resolve("data/log/karaf.log");
        try {
            org.awaitility.Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(500))
                    .until(() -> !process.isAlive()
                            || Files.exists(log) && Files.readString(log).contains("Deployment finished"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
        return process.isAlive();
    }

    void stop() throws Exception {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            run(home, List.of("bin/stop"), Duration.ofMinutes(1));
        } catch (IllegalStateException e) {
            kill();
            throw e;
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            // bin/karaf is a shell script: its Java child must go too, or it outlives the build
            kill();
            throw new IllegalStateException("Karaf did not stop within 90 s; killed");
        }
    }

    /** Kills the Karaf JVM with SIGKILL (no shutdown hooks, nothing flushed), as a power cut or OOM kill would. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Runs a console command as admin over SSH from this JVM (an exec channel, standard output and error together):
     * what {@link #client} does without starting a JVM for bin/client each time, so that polling the console costs
     * milliseconds instead of seconds.
     */
    String console(String command) throws IOException {
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
        try (ssh; ClientSession session = ssh.connect("admin", "127.0.0.1", sshPort).verify(SSH_TIMEOUT)
                .getSession()) {
            session.addPasswordIdentity("admin");
            session.auth().verify(SSH_TIMEOUT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(SSH_TIMEOUT);
                if (channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), COMMAND_TIMEOUT)
                        .contains(ClientChannelEvent.TIMEOUT)) {
                    throw new IllegalStateException("console command did not finish within "
                            + COMMAND_TIMEOUT.toSeconds() + " s: " + command);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** What {@code bin/client} showed (standard output and error together) and its exit status. */
    record ClientRun(String output, int exitStatus) {
    }

    /**
     * Runs console commands through bin/client, commands on standard input ({@code -b}), as operators' scripts do
     * (a JVM start each time: use {@link #console} unless the test is about bin/client itself).
     */
    ClientRun client(String commands) throws Exception {
        Path script = Files.createTempFile(home, "commands", ".txt");
        Files.writeString(script, commands + "\n");
        return client(List.of("-b"), ProcessBuilder.Redirect.from(script.toFile()), commands);
    }

    /**
     * Runs one console command through bin/client, the command as its last argument, standard input left open as a
     * terminal's is: Karaf 4.4.10's client closes the session as soon as its standard input ends ("Closed", exit 1).
     */
    ClientRun clientExec(String command) throws Exception {
        return client(List.of(command), ProcessBuilder.Redirect.PIPE, command);
    }

    private ClientRun client(List<String> last, ProcessBuilder.Redirect input, String what) throws Exception {
        List<String> command = new ArrayList<>(List.of("bin/client", "-a", Integer.toString(sshPort), "-u", "admin",
                "-p", "admin"));
        command.addAll(last);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(input);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
        Process client = builder.start();
        try (OutputStream stdin = client.getOutputStream()) {
            byte[] out = client.getInputStream().readAllBytes();
            if (!client.waitFor(60, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("bin/client did not finish: " + what);
            }
            return new ClientRun(new String(out, StandardCharsets.UTF_8), client.exitValue());
        }
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
