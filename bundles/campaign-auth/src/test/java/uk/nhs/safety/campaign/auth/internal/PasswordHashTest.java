package uk.nhs.safety.campaign.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.auth.internal.PasswordHash.Verdict;

class PasswordHashTest {

    /** Few iterations keep the tests fast; the format and the checks do not depend on the count. */
    private final PasswordHash hash = new PasswordHash(10_000);

    @Test
    void aHashVerifiesItsOwnPasswordAndNoOther() {
        String stored = hash.hash("correct horse");

        assertThat(stored).matches("pbkdf2-sha256\\$10000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hash.verify("correct horse", stored)).isEqualTo(Verdict.MATCH);
        assertThat(hash.verify("correct horsE", stored)).isEqualTo(Verdict.NO_MATCH);
        assertThat(hash.verify("", stored)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void theSamePasswordHashedTwiceGetsDifferentSaltsAndHashes() {
        String first = hash.hash("same");
        String second = hash.hash("same");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(hash.verify("same", first)).isEqualTo(Verdict.MATCH);
        assertThat(hash.verify("same", second)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aHashKeepsTheIterationCountItWasMadeWith() {
        String old = new PasswordHash(20_000).hash("pw");

        assertThat(old).startsWith("pbkdf2-sha256$20000$");
        assertThat(hash.verify("pw", old)).isEqualTo(Verdict.MATCH);
    }

    @Test
    void legacyUnsaltedSha256IsAcceptedAndReportedAsLegacy() {
        // printf 'secret' | sha256sum  (the example in etc/org.apache.karaf.jaas.cfg), in both letter cases
        String upper = "2BB80D537B1DA3E38BD30361AA855686BDE0EACD7162FEF6A25FE97BF527A25B";

        assertThat(hash.verify("secret", upper)).isEqualTo(Verdict.MATCH_LEGACY);
        assertThat(hash.verify("secret", upper.toLowerCase())).isEqualTo(Verdict.MATCH_LEGACY);
        assertThat(hash.verify("Secret", upper)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void theShippedAdminEntryIsTheDefaultPasswordHashedByAnIndependentImplementation() {
        // etc/users.properties' admin entry, made with Python:
        //   salt = os.urandom(16); hashlib.pbkdf2_hmac('sha256', b'admin', salt, 600000, 32), base64 without '='
        String shipped = "pbkdf2-sha256$600000$AMNquHz3NEOK2QcMI9ffMQ$Pa4TYfYwl8J/jQ1WNPUKCXl0wQxb8U98gZbxmfXqEh8";

        assertThat(hash.verify("admin", shipped)).isEqualTo(Verdict.MATCH);
        assertThat(hash.verify("admin ", shipped)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertThat(hash.verify("pw", "pw")).isEqualTo(Verdict.NO_MATCH);
        assertThat(hash.verify("pw", "pbkdf2-sha256$x$AAAA$AAAA")).isEqualTo(Verdict.NO_MATCH);
        assertThat(hash.verify("pw", "pbkdf2-sha256$10000$!!$AAAA")).isEqualTo(Verdict.NO_MATCH);
        assertThat(hash.verify("pw", "pbkdf2-sha256$99999999$AAAA$AAAA")).isEqualTo(Verdict.NO_MATCH);
        assertThat(hash.verify("pw", "pbkdf2-sha256$10000$$")).isEqualTo(Verdict.NO_MATCH);
        assertThat(hash.verify(null, "pbkdf2-sha256$10000$AAAA$AAAA")).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void tooFewIterationsAreRefusedAsAConfiguration() {
        assertThatThrownBy(() -> new PasswordHash(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations 1000");
    }
}
