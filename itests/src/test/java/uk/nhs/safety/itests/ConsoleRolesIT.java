package uk.nhs.safety.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may do what on the console, on the built distribution: users of each role (ssh only, viewer, operator, admin)
 * log in over SSH, as bin/client does, and run a reading and a changing command of every scope (safety, cqc, nhsla,
 * nhsi). A refused command answers Karaf's "Command not found" (a command the user may not run is hidden) or
 * "Insufficient credentials" (an option the user may not use) and changes nothing; files are read only from the
 * import folder and written only into the export folder; SFTP is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRolesIT {

    private static final String SHELL_ONLY = "shell-only";
    private static final String VIEWER = "viewer1";
    private static final String OPERATOR = "operator1";
    private static final String ADMIN = "admin1";
    private static final List<String> READERS = List.of(VIEWER, OPERATOR, ADMIN);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Two NHS LA claims of member RJZ (the shape NhslaIT uses). */
    private static final String CLAIMS = NhslaIT.HEADER
            + "ROLE/1,RJZ,CNST,Nursing,Fall,Fracture,2014-01-01,2014-06-01,settled,10000,1000,2000\n"
            + "ROLE/2,RJZ,CNST,Nursing,Fall,Fracture,2014-01-02,2014-06-01,settled,10000,1000,2000\n";

    private KarafProcess karaf;
    private SshClient client;

    @BeforeAll
    void startDistribution() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "console-roles-it");
        karaf = KarafProcess.unpack(Path.of(System.getProperty("distribution.archive")), dir);
        karaf.addUser(SHELL_ONLY, SHELL_ONLY + "-secret", "ssh");
        karaf.addUser(VIEWER, VIEWER + "-secret", "ssh", "viewer");
        karaf.addUser(OPERATOR, OPERATOR + "-secret", "ssh", "operator");
        karaf.addUser(ADMIN, ADMIN + "-secret", "ssh", "admin");
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        karaf.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ssh(ADMIN, "safety:member-list --limit 1").contains("of 241 members"));
        ssh(ADMIN, "feature:install safety-partner-cqc safety-partner-nhsla safety-partner-nhsi");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ssh(ADMIN, "cqc:framework").contains("safe.")
                        && !ssh(ADMIN, "nhsla:allocation").contains("Command not found")
                        && ssh(ADMIN, "nhsi:catalogue").contains("Never Events"));
    }

    @AfterAll
    void stopDistribution() throws Exception {
        try {
            if (karaf != null) {
                karaf.stop();
            }
        } finally {
            if (client != null) {
                client.stop();
            }
        }
    }

    @Test
    void readingCommandsOfEveryScopeAreForViewersOperatorsAndAdminsNotForSshAlone() throws Exception {
        for (String command : List.of("safety:member-show RGT", "safety:audit --limit 1 RGT", "safety:partner-list",
                "cqc:gaps RGT", "cqc:evidence RGT", "cqc:map RGT", "nhsla:profile", "nhsi:catalogue")) {
            for (String user : READERS) {
                assertAllowed(user, command);
            }
            assertRefused(SHELL_ONLY, command);
        }
    }

    @Test
    void recordingAMeasureIsForOperatorsAndAdminsAndARefusalChangesNothing() throws Exception {
        String chart = "safety:measure-show RGT cardiac-arrests-per-1000";

        assertRefused(SHELL_ONLY, "safety:measure-record RGT cardiac-arrests-per-1000 2019-02 0.51");
        assertRefused(VIEWER, "safety:measure-record RGT cardiac-arrests-per-1000 2019-02 0.52");
        assertThat(ssh(ADMIN, chart)).doesNotContain("2019-02");

        assertAllowed(OPERATOR, "safety:measure-record RGT cardiac-arrests-per-1000 2019-03 0.53");
        assertAllowed(ADMIN, "safety:measure-record RGT cardiac-arrests-per-1000 2019-04 0.54");
        assertThat(ssh(VIEWER, chart)).contains("2019-03 |  0.53").contains("2019-04 |  0.54");
    }

    @Test
    void partnerTokensAreForAdminsOnly() throws Exception {
        for (String user : List.of(SHELL_ONLY, VIEWER, OPERATOR)) {
            assertRefused(user, "safety:token-create cqc \"made by " + user + "\"");
            assertRefused(user, "safety:token-list");
        }
        assertThat(ssh(ADMIN, "safety:token-list")).doesNotContain("made by");

        assertAllowed(ADMIN, "safety:token-create cqc \"made by admin\"");
        assertThat(ssh(ADMIN, "safety:token-list")).contains("made by admin").doesNotContain("made by operator");
    }

    @Test
    void theEventLogIsForReadersAndReplayingItForAdminsOnly() throws Exception {
        for (String user : READERS) {
            assertAllowed(user, "safety:event-list --limit 1");
            assertAllowed(user, "safety:event-subscribers");
        }
        assertRefused(SHELL_ONLY, "safety:event-list --limit 1");
        for (String user : List.of(SHELL_ONLY, VIEWER, OPERATOR)) {
            assertRefused(user, "safety:event-replay nhsi-national-rollup");
        }
        assertThat(ssh(ADMIN, "safety:event-replay --from 1 nobody"))
                .contains("Error: subscriber: no subscriber nobody is known; nothing was changed");
    }

    @Test
    void writingAnEvidencePackIsForOperatorsWhileShowingItIsForViewers() throws Exception {
        Path packs = karaf.exportFolder().resolve("cqc/evidence");

        String refused = ssh(VIEWER, "cqc:evidence --out viewer.json RGT");
        assertThat(refused).contains("Insufficient credentials");
        assertThat(packs.resolve("viewer.json")).doesNotExist();
        assertRefused(VIEWER, "cqc:evidence-bulk --format json RGT");
        assertRefused(VIEWER, "cqc:map RGT action 1 safe.safeguarding");

        assertThat(ssh(OPERATOR, "cqc:evidence --out operator.json RGT"))
                .contains("Wrote the evidence pack for RGT to " + packs.resolve("operator.json").toRealPath());
        assertThat(packs.resolve("operator.json")).isRegularFile();
    }

    @Test
    void importingClaimsIsForOperatorsAndARefusalChangesNothing() throws Exception {
        Files.writeString(karaf.importFolder().resolve("role-claims.csv"), CLAIMS);
        String before = ssh(ADMIN, "nhsla:profile --from 2013 --to 2014 RJZ");

        assertRefused(VIEWER, "nhsla:import role-claims.csv");
        assertRefused(VIEWER, "nhsla:bid-assess RJZ 5000000 400000 Nursing");
        assertThat(ssh(ADMIN, "nhsla:profile --from 2013 --to 2014 RJZ")).isEqualTo(before);

        assertThat(ssh(OPERATOR, "nhsla:import role-claims.csv")).contains("Created").doesNotContain("Error");
        assertThat(ssh(ADMIN, "nhsla:profile --from 2013 --to 2014 RJZ")).isNotEqualTo(before);
    }

    @Test
    void generatingIncidentsIsForOperatorsAndWritesIntoTheExportFolder() throws Exception {
        assertRefused(VIEWER, "nhsi:incidents-generate --from 2015-01 --to 2015-01 viewer-incidents.csv");
        assertThat(karaf.exportFolder().resolve("viewer-incidents.csv")).doesNotExist();

        assertAllowed(OPERATOR, "nhsi:incidents-generate --from 2015-01 --to 2015-01 operator-incidents.csv");
        assertThat(karaf.exportFolder().resolve("operator-incidents.csv")).isRegularFile();
    }

    @Test
    void filesOutsideTheImportAndExportFoldersAreRefusedEvenForAdmins() throws Exception {
        Path users = karaf.home().resolve("etc/users.properties");
        String usersBefore = Files.readString(users);
        Path imports = karaf.importFolder().toRealPath();
        Files.createDirectories(karaf.exportFolder());
        Path exports = karaf.exportFolder().toRealPath();

        // safety:* commands print their errors on standard error, which Karaf's exec channel (and so bin/client -b)
        // does not pass on: this one runs in an interactive shell, as a person would type it.
        assertThat(shell(OPERATOR, "safety:member-import /etc/passwd"))
                .contains("Error: '/etc/passwd' is outside the import folder " + imports);
        assertThat(ssh(ADMIN, "cqc:import ../etc/users.properties"))
                .contains("Error: '../etc/users.properties' is outside the import folder " + imports);
        assertThat(ssh(ADMIN, "cqc:evidence --out ../../../etc/users.properties RGT"))
                .contains("is outside the export folder " + exports);
        assertThat(shell(ADMIN, "safety:export --format csv --out " + karaf.home().resolve("deploy/evil.cfg")
                + " nhsi-alignment")).contains("is outside the export folder " + exports);
        assertThat(ssh(ADMIN, "nhsi:incidents-generate --from 2015-01 --to 2015-01 /tmp/console-roles-it.csv"))
                .contains("'/tmp/console-roles-it.csv' is outside the export folder " + exports);

        assertThat(Files.readString(users)).isEqualTo(usersBefore);
        assertThat(karaf.home().resolve("deploy/evil.cfg")).doesNotExist();
        assertThat(Path.of("/tmp/console-roles-it.csv")).doesNotExist();
    }

    @Test
    void theShellsWaysAroundTheFoldersAndTheAclsAreForAdminsOnly() throws Exception {
        assertRefused(VIEWER, "safety:member-list --limit 1 > leaked.txt");
        assertRefused(OPERATOR, "safety:member-list --limit 1 > leaked.txt");
        assertThat(karaf.home().resolve("leaked.txt")).doesNotExist();
        assertRefused(OPERATOR, "shell:cat etc/users.properties");
        assertRefused(OPERATOR, "head etc/users.properties");
        assertRefused(OPERATOR, "grep admin etc/users.properties");
        // calling Java methods would reach every service past the ACLs
        assertRefused(OPERATOR, "echo (($.context getBundle 0) getSymbolicName)");
        assertThat(ssh(ADMIN, "echo (($.context getBundle 0) getSymbolicName)")).contains("org.apache.felix.framework");

        // filtering a command's output stays open to every console user, and a viewer's session starts cleanly
        assertThat(ssh(VIEWER, "safety:member-list --limit 3 | grep RGT")).doesNotContain("Command not found");
        assertThat(shell(VIEWER, "safety:member-show RGT")).contains("RGT").doesNotContain("Error");
    }

    @Test
    void karafsChangingCommandsThatKarafLeavesOpenAreForAdmins() throws Exception {
        for (String command : List.of("dev:dump-create dump.zip", "instance:create evil", "log:set DEBUG",
                "scr:disable uk.nhs.safety.campaign.model.internal.files.KarafFileArea")) {
            assertRefused(OPERATOR, command);
        }
        assertThat(karaf.home().resolve("dump.zip")).doesNotExist();
        assertThat(karaf.home().resolve("instances/evil")).doesNotExist();
        assertThat(ssh(VIEWER, "instance:list")).contains("root").doesNotContain("Command not found");
        assertThat(ssh(VIEWER, "log:display")).doesNotContain("Command not found");
        // help pages through "less -F": still there for every console user
        assertThat(ssh(VIEWER, "help safety")).doesNotContain("Command not found");
    }

    @Test
    void sftpIsOffEvenForAnAdmin() throws Exception {
        try (ClientSession session = login(ADMIN)) {
            assertThatThrownBy(() -> SftpClientFactory.instance().createSftpClient(session).close())
                    .isInstanceOf(IOException.class);
        }
    }

    private void assertAllowed(String user, String command) throws IOException {
        assertThat(ssh(user, command)).as(user + ": " + command)
                .doesNotContain("Command not found").doesNotContain("Insufficient credentials")
                .doesNotContain("Error");
    }

    private void assertRefused(String user, String command) throws IOException {
        assertThat(ssh(user, command)).as(user + ": " + command)
                .containsAnyOf("Command not found", "Insufficient credentials");
    }

    /** What a command run over SSH as {@code user} printed, standard output and error together. */
    private String ssh(String user, String command) throws IOException {
        try (ClientSession session = login(user)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** What an interactive console session printed (with the terminal's escape codes) for a command. */
    private String shell(String user, String command) throws IOException {
        try (ClientSession session = login(user)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelShell channel = session.createShellChannel()) {
                channel.setIn(new ByteArrayInputStream((command + "\nlogout\n").getBytes(StandardCharsets.UTF_8)));
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private ClientSession login(String user) throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", karaf.sshPort()).verify(TIMEOUT).getSession();
        session.addPasswordIdentity(user + "-secret");
        session.auth().verify(TIMEOUT);
        return session;
    }
}
