package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every console command of the platform has its own line in its scope's ACL file in the distribution, and every
 * scope's file keeps anything unlisted for admins ({@code * = admin}): a new command is never open to every user
 * with the ssh role, and it is given its roles on purpose. (ConsoleRolesIT runs the ACLs in Karaf.)
 */
class CommandAclTest {

    private static final Path BUNDLES = Path.of("..", "bundles");
    private static final Path ETC = Path.of("..", "karaf-distribution", "src", "main", "assembly", "etc");
    private static final Pattern COMMAND = Pattern.compile(
            "@Command\\(\\s*scope\\s*=\\s*\"([^\"]+)\"\\s*,\\s*name\\s*=\\s*\"([^\"]+)\"");

    @Test
    void everyCommandOfEveryScopeHasItsOwnRolesAndEverythingElseIsForAdmins() throws IOException {
        List<String[]> commands = commands();
        assertThat(commands).as("commands found in " + BUNDLES.toAbsolutePath()).hasSizeGreaterThan(30);
        List<String> missing = new ArrayList<>();
        for (String[] command : commands) {
            Properties acl = acl(command[0]);
            if (acl.getProperty(command[1]) == null) {
                missing.add(command[0] + ":" + command[1]);
            }
        }
        assertThat(missing).as("commands without a line in etc/org.apache.karaf.command.acl.<scope>.cfg").isEmpty();
        for (String scope : commands.stream().map(c -> c[0]).distinct().toList()) {
            assertThat(acl(scope).getProperty("*")).as(scope + ": '*'").isEqualTo("admin");
        }
    }

    @Test
    void noScopeOfThePlatformGivesACommandToTheSshRoleAlone() throws IOException {
        for (String scope : List.of("safety", "cqc", "nhsla", "nhsi")) {
            for (String roles : acl(scope).stringPropertyNames().stream().map(acl(scope)::getProperty).toList()) {
                assertThat(roles.split("\\s*,\\s*")).as(scope + ": " + roles).doesNotContain("ssh")
                        .isSubsetOf("viewer", "operator", "admin");
            }
        }
    }

    private static List<String[]> commands() throws IOException {
        List<String[]> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("src" + java.io.File.separator + "main")).toList()) {
                Matcher m = COMMAND.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(new String[] {m.group(1), m.group(2)});
                }
            }
        }
        return found;
    }

    private static Properties acl(String scope) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ETC.resolve("org.apache.karaf.command.acl." + scope + ".cfg"))) {
            p.load(r);
        }
        return p;
    }
}
