package uk.nhs.safety.campaign.api.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.version.Version;

/**
 * Proves that the build's baselining refuses a change to the released contract that its package version does not
 * account for, and lets a correctly versioned addition through. Each test changes a COPY of campaign-api 1.1.0 (the
 * released jar in {@code api-releases/}, with one or two classes recompiled from the sources below), rebuilds its
 * manifest with bnd as bnd-maven-plugin does, and baselines it against the released jar with bnd's {@link Baseline},
 * the library bnd-baseline-maven-plugin runs on every {@code mvn install} (it fails the build on any package whose
 * {@link Info#mismatch} is set).
 *
 * <p>Expected results follow from OSGi semantic versioning, not from bnd: removing a method breaks every consumer
 * (major); a method added to a {@code @ConsumerType} interface breaks its implementers, the partners (major); a
 * method added to a {@code @ProviderType} interface breaks only core, its provider (minor).
 */
class ContractBaselineTest {

    private static final Path RELEASED = Path.of("../../api-releases/uk/nhs/safety/campaign-api/1.1.0/"
            + "campaign-api-1.1.0.jar");

    /** {@code ApiTokenService} as released in 1.1.0 (package {@code access} at 1.1.0), with {@code %s} for changes. */
    private static final String TOKEN_SERVICE = """
            package uk.nhs.safety.campaign.api.access;

            import java.util.ArrayList;
import java.util.List;
            import java.util.Optional;

            @org.osgi.annotation.versioning.ProviderType
            public interface ApiTokenService {
                IssuedToken create(String actor, String partnerId, String label);
                %s
                List<ApiToken> tokens();
                Optional<ApiToken> authenticate(String secret);
            }
            """;
    private static final String REVOKE = "ApiToken revoke(String actor, long tokenId);";

    @TempDir
    Path work;

    @Test
    void theReleasedJarIsVersion110WithEveryApiPackageExported() throws Exception {
        try (Jar released = new Jar(RELEASED.toFile())) {
            assertThat(released.getVersion()).isEqualTo("1.1.0");
            assertThat(released.getManifest().getMainAttributes().getValue("Export-Package"))
                    .contains("uk.nhs.safety.campaign.api;version=\"1.2.0\"",
                            "uk.nhs.safety.campaign.api.access;version=\"1.1.0\"",
                            "uk.nhs.safety.campaign.api.event;version=\"1.2.0\"",
                            "uk.nhs.safety.campaign.api.partner;version=\"1.3.0\"",
                            "uk.nhs.safety.campaign.api.web;version=\"1.0.0\"");
        }
    }

    @Test
    void anUnchangedCopyOfTheReleasePasses() throws Exception {
        assertThat(mismatches(baseline(Map.of()))).isEmpty();
    }

    @Test
    void removingAMethodWithoutAMajorVersionFailsBaselining() throws Exception {
        Set<Info> infos = baseline(Map.of("access/ApiTokenService", TOKEN_SERVICE.formatted("")));

        assertThat(mismatches(infos)).containsExactly("uk.nhs.safety.campaign.api.access");
        assertThat(info(infos, "uk.nhs.safety.campaign.api.access").suggestedVersion).isEqualTo(new Version(2, 0, 0));
    }

    @Test
    void addingAMethodToAConsumerInterfaceFailsBaseliningEvenWithAMinorVersion() throws Exception {
        Set<Info> infos = baseline(Map.of(
                "web/PartnerPage", """
                        package uk.nhs.safety.campaign.api.web;

                        @org.osgi.annotation.versioning.ConsumerType
                        public interface PartnerPage {
                            String id();
                            String partnerId();
                            String title();
                            PageScope scope();
                            java.util.Optional<String> render(String odsCode);
                            String summary();
                        }
                        """,
                "web/package-info", packageInfo("web", "1.1.0")));

        assertThat(mismatches(infos)).containsExactly("uk.nhs.safety.campaign.api.web");
        assertThat(info(infos, "uk.nhs.safety.campaign.api.web").suggestedVersion).isEqualTo(new Version(2, 0, 0));
    }

    @Test
    void addingAMethodToAProviderInterfaceWithoutAMinorVersionFailsBaselining() throws Exception {
        Set<Info> infos = baseline(Map.of("access/ApiTokenService",
                TOKEN_SERVICE.formatted(REVOKE + "\n    int count();")));

        assertThat(mismatches(infos)).containsExactly("uk.nhs.safety.campaign.api.access");
        assertThat(info(infos, "uk.nhs.safety.campaign.api.access").suggestedVersion).isEqualTo(new Version(1, 2, 0));
    }

    @Test
    void addingAMethodToAProviderInterfaceWithAMinorVersionPasses() throws Exception {
        Set<Info> infos = baseline(Map.of(
                "access/ApiTokenService", TOKEN_SERVICE.formatted(REVOKE + "\n    int count();"),
                "access/package-info", packageInfo("access", "1.2.0")));

        assertThat(mismatches(infos)).isEmpty();
        assertThat(info(infos, "uk.nhs.safety.campaign.api.access").newerVersion).isEqualTo(new Version(1, 2, 0));
    }

    private static String packageInfo(String pkg, String version) {
        return "@org.osgi.annotation.bundle.Export\n@org.osgi.annotation.versioning.Version(\"" + version + "\")\n"
                + "package uk.nhs.safety.campaign.api." + pkg + ";\n";
    }

    /**
     * Builds campaign-api 1.2.0 from the released classes with these sources (path below
     * {@code uk/nhs/safety/campaign/api}, without {@code .java}) compiled over them, and baselines it against 1.1.0.
     */
    private Set<Info> baseline(Map<String, String> sources) throws Exception {
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve("uk/nhs/safety/campaign/api/" + source.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        if (!sources.isEmpty()) {
            compile(src, classes);
        }
        try (Jar old = new Jar(RELEASED.toFile()); Jar changed = new Jar(RELEASED.toFile());
             Builder builder = new Builder()) {
            try (Stream<Path> compiled = Files.walk(classes)) {
                for (Path c : compiled.filter(Files::isRegularFile).toList()) {
                    changed.putResource(classes.relativize(c).toString().replace(File.separatorChar, '/'),
                            new FileResource(c));
                }
            }
            builder.setJar(changed);
            builder.setProperty("Bundle-SymbolicName", "uk.nhs.safety.campaign-api");
            builder.setProperty("Bundle-Version", "1.2.0");
            Jar built = builder.build();
            assertThat(builder.getErrors()).as("bnd errors").isEmpty();

            Baseline baseline = new Baseline(builder, new DiffPluginImpl());
            Set<Info> infos = baseline.baseline(built, old, null);
            assertThat(builder.getErrors()).as("baseline errors").isEmpty();
            assertThat(infos).as("every package of the release is compared").hasSize(12);
            return infos;
        }
    }

    /** Compiles against the release first (not this build's classes, which come later on the class path). */
    private static void compile(Path src, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        String classPath = RELEASED + File.pathSeparator + System.getProperty("java.class.path");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-d", out.toString(),
                "-classpath", classPath));
        args.addAll(files);
        int status = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(status).as("javac: %s", errors).isZero();
    }

    private static List<String> mismatches(Set<Info> infos) {
        return infos.stream().filter(i -> i.mismatch).map(i -> i.packageName).sorted().toList();
    }

    private static Info info(Set<Info> infos, String pkg) {
        return infos.stream().filter(i -> i.packageName.equals(pkg)).findFirst().orElseThrow();
    }
}
