package uk.nhs.safety.campaign.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.karaf.jaas.modules.Encryption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.auth.internal.PasswordHash.Verdict;

class PasswordHashingTest {

    /** printf 'secret' | sha256sum, upper case as Karaf's basic encryption writes it. */
    private static final String SECRET_SHA256 = "2BB80D537B1DA3E38BD30361AA855686BDE0EACD7162FEF6A25FE97BF527A25B";

    @TempDir
    Path dir;

    private final PasswordHash hash = new PasswordHash(10_000);
    private Path file;
    private PasswordHashing hashing;

    @BeforeEach
    void setUp() {
        file = dir.resolve("users.properties");
        hashing = new PasswordHashing(hash, new UsersFile(file), () -> true, 0, new DefaultPasswordMemo(null));
    }

    @AfterEach
    void tearDown() {
        hashing.deactivate();
    }

    private static String passwordOf(List<String> lines, String user) {
        String line = lines.stream().filter(l -> l.startsWith(user + " ")).findFirst().orElseThrow();
        String value = line.substring(line.indexOf('=') + 1).strip();
        return value.split(",")[0];
    }

    private static String unmarked(String stored) {
        assertThat(stored).startsWith("{CRYPT}").endsWith("{CRYPT}");
        return stored.substring(7, stored.length() - 7);
    }

    @Test
    void plainTextPasswordsAreHashedWhenTheFileIsReadAndEverythingElseIsKept() throws Exception {
        Files.writeString(file, """
                # a comment = with, commas
                alice = wonderland,member-editor,member:RGT
                bob=pa\\\\ss,operator
                carol = {CRYPT}%s{CRYPT},viewer
                _g_\\:admingroup = group,admin,ssh
                dave = x,_g_:admingroup
                """.formatted(SECRET_SHA256), StandardCharsets.ISO_8859_1);

        hashing.check();

        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("# a comment = with, commas");
        assertThat(lines.get(1)).startsWith("alice = {CRYPT}pbkdf2-sha256$10000$")
                .endsWith("{CRYPT},member-editor,member:RGT");
        assertThat(hash.verify("wonderland", unmarked(passwordOf(lines, "alice")))).isEqualTo(Verdict.MATCH);
        // "pa\\ss" in the file is the password pa\ss (properties escaping)
        assertThat(lines.get(2)).startsWith("bob={CRYPT}pbkdf2-sha256$").endsWith("{CRYPT},operator");
        String bob = lines.get(2).substring(4).split(",")[0];
        assertThat(hash.verify("pa\\ss", unmarked(bob))).isEqualTo(Verdict.MATCH);
        // already hashed (legacy): left for the next login to rehash; the group line is not a user
        assertThat(lines.get(3)).isEqualTo("carol = {CRYPT}" + SECRET_SHA256 + "{CRYPT},viewer");
        assertThat(lines.get(4)).isEqualTo("_g_\\:admingroup = group,admin,ssh");
        assertThat(lines.get(5)).startsWith("dave = {CRYPT}pbkdf2-sha256$").endsWith("{CRYPT},_g_:admingroup");
    }

    @Test
    void aPlainTextUserAddedLaterIsHashedAtTheNextCheck() throws Exception {
        Files.writeString(file, "alice = wonderland,viewer\n");
        hashing.check();
        String alice = passwordOf(Files.readAllLines(file), "alice");

        Files.writeString(file, Files.readString(file) + "eve = apple,viewer\n");
        hashing.check();

        List<String> lines = Files.readAllLines(file);
        assertThat(passwordOf(lines, "alice")).isEqualTo(alice);
        assertThat(hash.verify("apple", unmarked(passwordOf(lines, "eve")))).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aLegacyEntryLogsInAndIsRehashedWithASaltedHash() throws Exception {
        Files.writeString(file, "carol = {CRYPT}" + SECRET_SHA256 + "{CRYPT},viewer\nzed = {CRYPT}"
                + SECRET_SHA256.toLowerCase() + "{CRYPT},operator\nyan = plain,viewer\n");
        Encryption encryption = hashing.createEncryption(Map.of("algorithm", "SHA-256"));

        assertThat(encryption.checkPassword("wrong", SECRET_SHA256)).isFalse();
        assertThat(Files.readString(file)).contains(SECRET_SHA256);

        assertThat(encryption.checkPassword("secret", SECRET_SHA256)).isTrue();

        List<String> lines = Files.readAllLines(file);
        String carol = unmarked(passwordOf(lines, "carol"));
        String zed = unmarked(passwordOf(lines, "zed"));
        // both held sha256("secret"): same password, so both are rehashed, each with its own salt
        assertThat(carol).startsWith("pbkdf2-sha256$");
        assertThat(zed).startsWith("pbkdf2-sha256$").isNotEqualTo(carol);
        assertThat(encryption.checkPassword("secret", carol)).isTrue();
        assertThat(encryption.checkPassword("secret", zed)).isTrue();
        assertThat(lines).contains("yan = plain,viewer");
        assertThat(lines.get(0)).endsWith("{CRYPT},viewer");
    }

    @Test
    void newPasswordsFromKarafsCommandsAreSaltedHashes() {
        Encryption encryption = hashing.createEncryption(Map.of());

        String stored = encryption.encryptPassword("s3cret");

        assertThat(stored).startsWith("pbkdf2-sha256$10000$");
        assertThat(encryption.checkPassword("s3cret", stored)).isTrue();
        assertThat(encryption.checkPassword("s3cre", stored)).isFalse();
    }

    @Test
    void theFileIsLeftAloneWhileKarafsRealmDoesNotUseThisService() throws Exception {
        Files.writeString(file, "alice = wonderland,viewer\n");
        PasswordHashing unselected = new PasswordHashing(hash, new UsersFile(file), () -> false, 0, new DefaultPasswordMemo(null));

        unselected.check();

        assertThat(Files.readString(file)).isEqualTo("alice = wonderland,viewer\n");
        unselected.deactivate();
    }

    @Test
    void aFileJustWrittenIsLeftForTheNextCheck() throws Exception {
        Files.writeString(file, "alice = wonderland,viewer\n");
        PasswordHashing patient = new PasswordHashing(hash, new UsersFile(file), () -> true, 60_000, new DefaultPasswordMemo(null));

        patient.check();

        assertThat(Files.readString(file)).isEqualTo("alice = wonderland,viewer\n");
        patient.deactivate();
    }

    @Test
    void aFileChangedByAnotherWriterWhileBeingRewrittenIsLeftAsTheOtherWriterLeftIt() throws Exception {
        Files.writeString(file, "alice = wonderland,viewer\n");
        UsersFile users = new UsersFile(file);

        assertThatThrownBy(() -> users.rewrite(e -> {
            try {
                // Karaf's jaas:user-add writing while this rewrite is under way
                Files.writeString(file, "alice = wonderland,viewer\nbob = builder,viewer\n");
            } catch (java.io.IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
            return "{CRYPT}" + hash.hash(e.password()) + "{CRYPT}";
        })).isInstanceOf(UsersFile.ChangedMeanwhileException.class);

        assertThat(Files.readString(file)).isEqualTo("alice = wonderland,viewer\nbob = builder,viewer\n");
    }

    @Test
    void aMissingFileIsNotAnError() throws Exception {
        hashing.check();

        assertThat(file).doesNotExist();
    }

    @Test
    void hashingAdminsPlainTextPasswordRecordsWhetherItIsTheDefaultSoThatNoStartChecksItAgain() throws Exception {
        Path memoFile = dir.resolve("data/verdict");
        Files.writeString(file, "admin = admin,_g_:admingroup\nbob = secret,viewer\n");
        PasswordHashing withMemo = new PasswordHashing(hash, new UsersFile(file), () -> true, 0,
                new DefaultPasswordMemo(memoFile));
        try {
            withMemo.check();
        } finally {
            withMemo.deactivate();
        }
        String stored = unmarked(passwordOf(Files.readAllLines(file), "admin"));

        boolean known = new DefaultPasswordMemo(memoFile).isDefault(stored, s -> {
            throw new AssertionError("admin's hash was checked again: " + s);
        });

        assertThat(known).isTrue();

        Files.writeString(file, "admin = changed-it,_g_:admingroup\n");
        PasswordHashing again = new PasswordHashing(hash, new UsersFile(file), () -> true, 0,
                new DefaultPasswordMemo(memoFile));
        try {
            again.check();
        } finally {
            again.deactivate();
        }
        String changed = unmarked(passwordOf(Files.readAllLines(file), "admin"));
        assertThat(new DefaultPasswordMemo(memoFile).isDefault(changed, s -> {
            throw new AssertionError("admin's hash was checked again: " + s);
        })).isFalse();
    }
}
