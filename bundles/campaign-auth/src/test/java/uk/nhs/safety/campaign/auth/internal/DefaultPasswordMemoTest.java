package uk.nhs.safety.campaign.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPasswordMemoTest {

    @TempDir
    Path dir;

    /** A verifier that records what it was asked and answers {@code answer}. */
    private static Predicate<String> counting(List<String> asked, boolean answer) {
        return stored -> {
            asked.add(stored);
            return answer;
        };
    }

    @Test
    void aVerdictIsCheckedOnceAndRememberedByTheNextStart() {
        Path file = dir.resolve("data/verdict");
        List<String> asked = new ArrayList<>();

        assertThat(new DefaultPasswordMemo(file).isDefault("pbkdf2-sha256$600000$salt$hash", counting(asked, true)))
                .isTrue();
        // a restart: a new memo on the same file
        DefaultPasswordMemo restarted = new DefaultPasswordMemo(file);
        assertThat(restarted.isDefault("pbkdf2-sha256$600000$salt$hash", counting(asked, false))).isTrue();

        assertThat(asked).containsExactly("pbkdf2-sha256$600000$salt$hash");
    }

    @Test
    void aChangedEntryIsCheckedAgain() {
        Path file = dir.resolve("verdict");
        List<String> asked = new ArrayList<>();
        new DefaultPasswordMemo(file).isDefault("pbkdf2-sha256$600000$salt$old", counting(asked, true));

        boolean isDefault = new DefaultPasswordMemo(file).isDefault("pbkdf2-sha256$600000$salt$new",
                counting(asked, false));

        assertThat(isDefault).isFalse();
        assertThat(asked).containsExactly("pbkdf2-sha256$600000$salt$old", "pbkdf2-sha256$600000$salt$new");
        assertThat(new DefaultPasswordMemo(file).isDefault("pbkdf2-sha256$600000$salt$new", counting(asked, true)))
                .isFalse();
    }

    @Test
    void aVerdictRememberedWithoutACheckIsUsed() {
        Path file = dir.resolve("verdict");
        new DefaultPasswordMemo(file).remember("pbkdf2-sha256$600000$salt$hash", true);
        List<String> asked = new ArrayList<>();

        assertThat(new DefaultPasswordMemo(file).isDefault("pbkdf2-sha256$600000$salt$hash", counting(asked, false)))
                .isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void theFileHoldsADigestNotTheHash() throws Exception {
        Path file = dir.resolve("verdict");
        new DefaultPasswordMemo(file).remember("pbkdf2-sha256$600000$c2FsdA$aGFzaA", true);

        String content = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(content).doesNotContain("pbkdf2").doesNotContain("aGFzaA").matches("[0-9a-f]{64} default\n");
    }

    @Test
    void anUnreadableFileMeansCheckingAgain() throws Exception {
        Path file = dir.resolve("verdict");
        Files.writeString(file, "not a verdict");
        List<String> asked = new ArrayList<>();

        assertThat(new DefaultPasswordMemo(file).isDefault("s", counting(asked, true))).isTrue();

        assertThat(asked).containsExactly("s");
        assertThat(Files.readString(file)).endsWith(" default\n");
    }
}
