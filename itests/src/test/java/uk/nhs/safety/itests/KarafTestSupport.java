package uk.nhs.safety.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Boots the built distribution (karaf-distribution/target/*.tar.gz) under Pax Exam, on free ports, with the local
 * Maven repository handed to the container and the JDK 9+ options that bin/karaf normally adds.
 */
public abstract class KarafTestSupport {

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    protected BundleContext bundleContext;

    /**
     * Waits until core serves: its console commands are registered and its HTTP API answers {@code /api/health}. The
     * probe can run as soon as the container is up, before DS, the shell extender and the HTTP whiteboard have
     * brought the boot features in. At most 60 s.
     */
    @Before
    public void awaitCore() throws Exception {
        await(Duration.ofSeconds(60), () -> {
            try {
                execute("safety:member-list --limit 1");
                return http("GET", "/api/health", null, null);
            } catch (Exception e) {
                // Command not found yet (gogo's own exception type), its services or the HTTP API not there yet.
                return e.toString();
            }
        }, answer -> answer.startsWith("200"));
    }

    /** One try of something that may not be ready yet. */
    protected interface Attempt {
        String run() throws Exception;
    }

    /**
     * Retries until done (DS and the shell extender register asynchronously), at most 30 s: after each miss it
     * waits for the next service event, or 100 ms when none comes.
     */
    protected String await(Attempt attempt, Predicate<String> done) throws Exception {
        return await(Duration.ofSeconds(30), attempt, done);
    }

    /** As {@link #await(Attempt, Predicate)}, for at most {@code limit}. */
    protected String await(Duration limit, Attempt attempt, Predicate<String> done) throws Exception {
        BlockingQueue<ServiceEvent> events = new LinkedBlockingQueue<>();
        ServiceListener listener = events::add;
        bundleContext.addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            String last = attempt.run();
            while (!done.test(last) && System.nanoTime() < deadline) {
                events.poll(100, TimeUnit.MILLISECONDS);
                last = attempt.run();
            }
            assertTrue("never done; last:\n" + last, done.test(last));
            return last;
        } finally {
            bundleContext.removeServiceListener(listener);
        }
    }

    /** The HTTP port the container listens on (free, chosen once per test JVM). */
    protected static final int HTTP_PORT = freePort();

    /** Options shared by every Pax Exam test; demo seeding is off so each test controls its own data. */
    protected static Option[] baseOptions() {
        String archive = new File(System.getProperty("distribution.archive")).toURI().toString();
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(archive)
                    .name("Sign up to Safety")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    Integer.toString(HTTP_PORT)),
            systemProperty("safety.http.port").value(Integer.toString(HTTP_PORT)),
            editConfigurationFilePut("etc/uk.nhs.safety.campaign.demo.cfg", "enabled", "false"),
            systemProperty("etr.csv").value(new File(System.getProperty("etr.csv")).getAbsolutePath()),
            systemProperty("example.plan").value(new File(System.getProperty("example.plan")).getAbsolutePath()),
            vmOptions(
                    "-Djava.security.manager=allow",
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                    "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED")
        };
    }

    /** Runs a console command as the admin user and returns what it printed (standard output and error). */
    protected String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            Subject admin = new Subject(false,
                    Set.of(new UserPrincipal("admin"), new RolePrincipal("admin"), new RolePrincipal("manager"),
                            new RolePrincipal("viewer")),
                    Set.of(), Set.of());
            try {
                Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> {
                    session.put("USER", "admin");
                    return session.execute(command);
                });
            } catch (PrivilegedActionException e) {
                // A command's expected failure: Karaf's console (and bin/client) print its text as it is, so do the
                // same; anything else is a failure of the test.
                if (!e.getException().getClass().getName().equals("org.apache.karaf.shell.support.CommandException")) {
                    throw e.getException();
                }
                out.println(e.getException().getMessage());
            } finally {
                session.close();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The console's import folder in the container (the default, imports/ in the Karaf folder): console commands read
     * files only from there.
     */
    protected static Path importFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("karaf.home"), "imports"));
    }

    /** The console's export folder in the container (exports/ in the Karaf folder): commands write only there. */
    protected static Path exportFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("karaf.home"), "exports"));
    }

    /** A new empty file in the import folder. */
    protected static Path importFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(importFolder(), prefix, suffix);
    }

    /** A copy of a test resource (e.g. the etr.csv system property's file) in the import folder, for the console. */
    protected static Path imported(String file) throws IOException {
        Path source = Path.of(file);
        return Files.copy(source, importFolder().resolve(source.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "status body" of an HTTP exchange (a body is sent as CSV). */
    protected static String http(String method, String path, String authorization, String csv) throws IOException {
        return http(method, path, authorization, "text/csv", csv);
    }

    /** "status body" of an HTTP exchange. */
    protected static String http(String method, String path, String authorization, String contentType, String body)
            throws IOException {
        URL url = new URL("http://localhost:" + System.getProperty("safety.http.port") + path);
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            return status + " " + (in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            c.disconnect();
        }
    }

    /** Fails naming the first part missing from {@code actual}. */
    protected static void assertContains(String actual, String... parts) {
        for (String part : parts) {
            assertTrue("expected \"" + part + "\" in:\n" + actual, actual.contains(part));
        }
    }

    /**
     * Karaf's features service as registered now. Not injected once: the features bundle may replace its service
     * after the probe started (an injected instance was seen with its executor already terminated).
     */
    protected org.apache.karaf.features.FeaturesService features() {
        org.osgi.framework.ServiceReference<org.apache.karaf.features.FeaturesService> ref =
                bundleContext.getServiceReference(org.apache.karaf.features.FeaturesService.class);
        if (ref == null) {
            throw new IllegalStateException("Karaf's features service is not registered");
        }
        return bundleContext.getService(ref);
    }
}
