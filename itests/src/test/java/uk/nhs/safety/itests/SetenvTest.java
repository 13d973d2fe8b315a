package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The distribution's {@code bin/setenv}, sourced by {@code sh} as Karaf's scripts source it: the platform's JVM gets
 * the memory and compiler settings however it is started ({@code bin/start} runs {@code bin/karaf} with
 * {@code KARAF_SCRIPT=start} inherited: the settings once missed that path), the operator's own options win, and
 * the console client gets none of them.
 */
class SetenvTest {

    private static final Path SETENV = Path.of("..", "karaf-distribution", "src", "main", "assembly", "bin", "setenv");

    /** {@code JAVA_OPTS} after sourcing setenv from a script named {@code progName}, with {@code env} set. */
    private static String javaOpts(String progName, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                "PROGNAME=" + progName + "; . \"$SETENV\"; printf '%s' \"$JAVA_OPTS\"");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("SAFETY_HEAP");
        builder.environment().remove("SAFETY_JIT");
        builder.environment().put("SETENV", SETENV.toAbsolutePath().toString());
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void thePlatformsJvmGetsItsSettingsAlsoWhenBinStartLaunchesIt() throws Exception {
        assertThat(javaOpts("karaf", Map.of("KARAF_SCRIPT", "start")))
                .contains("-Xms384m", "-Xmx384m", "-XX:+UseParallelGC", "-XX:MetaspaceSize=128m",
                        "-XX:+ExitOnOutOfMemoryError", "-XX:Tier4InvocationThreshold=50000");
        assertThat(javaOpts("karaf", Map.of())).contains("-Xmx384m");
    }

    @Test
    void theOperatorsHeapOrOwnOptionsWin() throws Exception {
        assertThat(javaOpts("karaf", Map.of("SAFETY_HEAP", "768m"))).contains("-Xms768m", "-Xmx768m")
                .doesNotContain("384m");
        assertThat(javaOpts("karaf", Map.of("JAVA_OPTS", "-Xmx1g"))).isEqualTo("-Xmx1g");
        assertThat(javaOpts("karaf", Map.of("SAFETY_JIT", "-XX:TieredStopAtLevel=1")))
                .contains("-XX:TieredStopAtLevel=1").doesNotContain("Tier4");
    }

    @Test
    void theClientAndStopScriptsGetNone() throws Exception {
        assertThat(javaOpts("client", Map.of("KARAF_SCRIPT", "client"))).isEmpty();
        assertThat(javaOpts("stop", Map.of("KARAF_SCRIPT", "stop"))).isEmpty();
        assertThat(javaOpts("start", Map.of("KARAF_SCRIPT", "start"))).isEmpty();
    }
}
