package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a real users.properties through Karaf's own backing engine, as the container does. */
class RealmUserDirectoryTest {

    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private static JaasRealm realm(String name, AppConfigurationEntry... entries) {
        return new JaasRealm() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public int getRank() {
                return 0;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return entries;
            }
        };
    }

    private Path users(String... lines) throws IOException {
        Path file = dir.resolve("users.properties");
        Files.write(file, List.of(lines), StandardCharsets.ISO_8859_1);
        return file;
    }

    private RealmUserDirectory directory(Path file) {
        AppConfigurationEntry entry = new AppConfigurationEntry(PROPERTIES_MODULE, LoginModuleControlFlag.SUFFICIENT,
                Map.of("users", file.toString()));
        return new RealmUserDirectory("karaf", List.of(realm("karaf", entry)),
                List.of(new PropertiesBackingEngineFactory()), clock);
    }

    @Test
    void readsUsersAndRolesWithGroupsResolved() throws IOException {
        RealmUserDirectory directory = directory(users(
                "admin = {CRYPT}x{CRYPT},_g_:admingroup",
                "_g_\\:admingroup = group,admin,ssh",
                "rgt = secret,member-editor,member:RGT",
                "nobody = secret"));

        assertThat(directory.lookup("admin")).isEqualTo(UserDirectory.Lookup.of(java.util.Set.of("admin", "ssh")));
        assertThat(directory.lookup("rgt").roles()).containsExactlyInAnyOrder("member-editor", "member:RGT");
        assertThat(directory.lookup("nobody").state()).isEqualTo(UserDirectory.State.DISABLED);
        assertThat(directory.lookup("carol").state()).isEqualTo(UserDirectory.State.DELETED);
    }

    @Test
    void seesAnEditOfTheFileOnceTheSecondHasPassed() throws IOException {
        Path file = users("rgt = secret,member-editor,member:RGT");
        RealmUserDirectory directory = directory(file);
        assertThat(directory.lookup("rgt").state()).isEqualTo(UserDirectory.State.ACTIVE);

        Files.write(file, List.of("other = secret,admin"), StandardCharsets.ISO_8859_1);
        clock.advance(Duration.ofSeconds(1));

        assertThat(directory.lookup("rgt").state()).isEqualTo(UserDirectory.State.DELETED);
    }

    @Test
    void cannotTellWithoutTheRealmOrABackingEngine() throws IOException {
        Path file = users("rgt = secret,member-editor");
        AppConfigurationEntry custom = new AppConfigurationEntry("com.example.CustomLoginModule",
                LoginModuleControlFlag.REQUIRED, Map.of("users", file.toString()));

        RealmUserDirectory noRealm = new RealmUserDirectory("karaf", List.of(), List.of(), clock);
        RealmUserDirectory noEngine = new RealmUserDirectory("karaf", List.of(realm("karaf", custom)),
                List.of(new PropertiesBackingEngineFactory()), clock);

        assertThat(noRealm.lookup("rgt").state()).isEqualTo(UserDirectory.State.UNKNOWN);
        assertThat(noEngine.lookup("rgt").state()).isEqualTo(UserDirectory.State.UNKNOWN);
    }

    @Test
    void findsTheModuleBehindKarafsProxyLoginModule() throws IOException {
        // How Karaf's realms really declare their entries: the proxy, with the real module in an option.
        Path file = users("rgt = secret,member-editor");
        AppConfigurationEntry proxied = new AppConfigurationEntry("org.apache.karaf.jaas.boot.ProxyLoginModule",
                LoginModuleControlFlag.SUFFICIENT, Map.of("users", file.toString(),
                        "org.apache.karaf.jaas.module", PROPERTIES_MODULE));
        RealmUserDirectory directory = new RealmUserDirectory("karaf", List.of(realm("karaf", proxied)),
                List.of(new PropertiesBackingEngineFactory()), clock);

        assertThat(directory.lookup("rgt").roles()).containsExactly("member-editor");
    }

    @Test
    void usesTheConfiguredRealmOnly() throws IOException {
        Path file = users("rgt = secret,member-editor");
        AppConfigurationEntry entry = new AppConfigurationEntry(PROPERTIES_MODULE, LoginModuleControlFlag.SUFFICIENT,
                Map.of("users", file.toString()));
        RealmUserDirectory directory = new RealmUserDirectory("ldap", List.of(realm("karaf", entry)),
                List.of(new PropertiesBackingEngineFactory()), clock);

        assertThat(directory.lookup("rgt").state()).isEqualTo(UserDirectory.State.UNKNOWN);
    }
}
