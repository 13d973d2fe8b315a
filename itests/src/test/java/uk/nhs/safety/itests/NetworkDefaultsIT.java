package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safe network defaults on the built distribution (issue 15, point 3): out of the box every listener (ssh, HTTP, JMX
 * RMI registry and server) is bound to 127.0.0.1 only; with the listeners opened to the network on purpose, the
 * shipped admin/admin is refused from another machine (ssh and HTTP, Basic and the web login) and accepted from
 * loopback; passwords end up as salted PBKDF2 hashes on disk, whether written in plain text or as Karaf's old
 * unsalted SHA-256.
 *
 * <p>"Another machine" is this machine's own non-loopback address: a connection to it comes from that address, not
 * from 127.0.0.1. Without such an address the tests that need one are skipped (and say so).
 */
class NetworkDefaultsIT {

    /** printf 'secret' | sha256sum, upper case as Karaf's basic encryption wrote it. */
    private static final String SECRET_SHA256 = "2BB80D537B1DA3E38BD30361AA855686BDE0EACD7162FEF6A25FE97BF527A25B";

    @TempDir
    Path workDir;

    private KarafProcess karaf;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void unpack() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), workDir);
    }

    @AfterEach
    void stop() throws Exception {
        karaf.stop();
    }

    @Test
    void listensOnLoopbackOnlyAndKeepsPasswordsAsSaltedHashes() throws Exception {
        karaf.addUser("plain", "plain-pw", "viewer");
        karaf.addUser("legacy", "{CRYPT}" + SECRET_SHA256 + "{CRYPT}", "viewer");
        karaf.start();
        awaitHttp("127.0.0.1");

        List<Integer> ports = List.of(sshPort(), karaf.httpPort(), intProperty("org.apache.karaf.management.cfg",
                "rmiRegistryPort"), intProperty("org.apache.karaf.management.cfg", "rmiServerPort"));
        for (int port : ports) {
            assertThat(canConnect(InetAddress.getByName("127.0.0.1"), port)).as("127.0.0.1:" + port).isTrue();
        }
        InetAddress external = externalAddress();
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback address to connect to");
        for (int port : ports) {
            assertThat(canConnect(external, port)).as(external.getHostAddress() + ":" + port).isFalse();
        }

        // a plain-text user written into the file is hashed on disk, with a salt, and logs in
        awaitHashed("plain");
        assertThat(storedPassword("plain")).startsWith("{CRYPT}pbkdf2-sha256$600000$");
        assertThat(session("127.0.0.1", "plain", "plain-pw")).isEqualTo(200);
        assertThat(session("127.0.0.1", "plain", "plain-pw2")).isEqualTo(401);

        // a legacy SHA-256 entry logs in and is rehashed at that login; the new hash logs in too
        assertThat(storedPassword("legacy")).isEqualTo("{CRYPT}" + SECRET_SHA256 + "{CRYPT}");
        assertThat(session("127.0.0.1", "legacy", "secret")).isEqualTo(200);
        awaitHashed("legacy");
        assertThat(karaf.console("jaas:realm-list")).contains("karaf");
        assertThat(session("127.0.0.1", "legacy", "secret")).isEqualTo(200);

        // the default admin works from this machine
        assertThat(session("127.0.0.1", "admin", "admin")).isEqualTo(200);
        assertThat(karaf.log()).contains("user 'admin' still has the default password");
    }

    @Test
    void theDefaultPasswordIsRefusedFromAnotherMachineAndAcceptedFromLoopback() throws Exception {
        InetAddress external = externalAddress();
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback address to connect from");
        // the operator opens the listeners to the network on purpose
        append("org.apache.karaf.shell.cfg", "sshHost = 0.0.0.0");
        append("org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses = 0.0.0.0");
        karaf.addUser("ops", "ops-password-2015", "admin", "ssh");
        karaf.start();
        awaitHttp("127.0.0.1");
        // Karaf's realm cannot check a password while it is still plain text (it takes every entry for a hash once
        // encryption is on): the platform hashes the file within seconds of start, and a login waits for that
        awaitHashed("admin");
        awaitHashed("ops");
        String ip = external.getHostAddress();

        // HTTP Basic and the web login: refused from the network address, with how to change it; fine from loopback
        HttpResponse<String> refused = get(ip, "/api/v1/session", basic("admin", "admin"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("default password").contains("jaas:user-add admin");
        HttpResponse<String> form = loginForm(ip, "admin", "admin");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("default password");
        assertThat(get("127.0.0.1", "/api/v1/session", basic("admin", "admin")).statusCode()).isEqualTo(200);
        assertThat(loginForm("127.0.0.1", "admin", "admin").statusCode()).isEqualTo(201);
        // another user with a password of its own is welcome from the network
        assertThat(get(ip, "/api/v1/session", basic("ops", "ops-password-2015")).statusCode()).isEqualTo(200);

        // the console: refused from the network address, accepted from loopback and for other users
        assertThat(clientLogin(ip, "admin", "admin")).doesNotContain("LOGGED-IN");
        assertThat(clientLogin("127.0.0.1", "admin", "admin")).contains("LOGGED-IN");
        assertThat(clientLogin(ip, "ops", "ops-password-2015")).contains("LOGGED-IN");
        String log = karaf.log();
        assertThat(log).contains("Console login refused from /" + ip).contains("HTTP login refused from " + ip);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A non-loopback IPv4 address of this machine, or null. */
    private static InetAddress externalAddress() throws SocketException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : nic.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    private static boolean canConnect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 3000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private int sshPort() throws IOException {
        return intProperty("org.apache.karaf.shell.cfg", "sshPort");
    }

    /** The value in force: KarafProcess appends its ports, and the last occurrence of a key wins. */
    private int intProperty(String file, String key) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(karaf.home().resolve("etc").resolve(file),
                StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return Integer.parseInt(p.getProperty(key).strip());
    }

    private void append(String file, String line) throws IOException {
        Files.writeString(karaf.home().resolve("etc").resolve(file), "\n" + line + "\n", StandardOpenOption.APPEND);
    }

    /** The user's stored password (first field of its value) as on disk now. */
    private String storedPassword(String user) throws IOException {
        for (String line : Files.readAllLines(karaf.home().resolve("etc/users.properties"),
                StandardCharsets.ISO_8859_1)) {
            if (line.startsWith(user + " ")) {
                return line.substring(line.indexOf('=') + 1).strip().split(",")[0];
            }
        }
        throw new AssertionError("no user " + user + " in etc/users.properties");
    }

    private void awaitHashed(String user) {
        // ignoring exceptions: Karaf's own watcher rewrites the file in place, so a read may catch half of it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> storedPassword(user).startsWith("{CRYPT}pbkdf2-sha256$"));
    }

    private void awaitHttp(String host) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(host, "/api/health", null).statusCode() == 200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String host, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + karaf.httpPort() + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET /api/v1/session with Basic credentials from 127.0.0.1 or the given address: the status. */
    private int session(String host, String user, String password) throws Exception {
        return get(host, "/api/v1/session", basic(user, password)).statusCode();
    }

    /** The web pages' login form (POST /api/v1/session). */
    private HttpResponse<String> loginForm(String host, String user, String password) throws Exception {
        String json = "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + karaf.httpPort()
                        + "/api/v1/session")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Requested-With", "safety-web")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** bin/client to the given host as the given user, echoing LOGGED-IN once in: its whole output. */
    private String clientLogin(String host, String user, String password) throws Exception {
        Path script = Files.createTempFile(karaf.home(), "login", ".txt");
        Files.writeString(script, "echo LOGGED-IN\n");
        ProcessBuilder builder = new ProcessBuilder("bin/client", "-h", host, "-a", Integer.toString(sshPort()),
                "-u", user, "-p", password, "-b").directory(karaf.home().toFile()).redirectErrorStream(true)
                .redirectInput(script.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home.for.karaf"));
        Process client = builder.start();
        byte[] out = client.getInputStream().readAllBytes();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
