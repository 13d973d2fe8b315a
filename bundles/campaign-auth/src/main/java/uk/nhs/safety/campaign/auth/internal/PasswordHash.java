package uk.nhs.safety.campaign.auth.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The password hashes of {@code etc/users.properties} (between Karaf's {@code {CRYPT}} markers, which are not part of
 * the strings handled here).
 * <ul>
 * <li>Current: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, PBKDF2-HMAC-SHA256 from the JDK, a random 16-byte
 * salt per entry, a 32-byte hash, salt and hash in unpadded base64. The iteration count travels with the hash, so
 * raising it later leaves existing entries valid.</li>
 * <li>Legacy: 64 hexadecimal digits, the unsalted SHA-256 that Karaf's {@code basic} encryption wrote before. Still
 * accepted, reported as {@link Verdict#MATCH_LEGACY} so that the caller rehashes it.</li>
 * </ul>
 *
 * @param iterations PBKDF2 iterations of new hashes
 */
record PasswordHash(int iterations) {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** A stored iteration count beyond this is refused rather than computed: a denial-of-service guard. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern LEGACY = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a password compares with a stored hash. */
    enum Verdict { MATCH, MATCH_LEGACY, NO_MATCH }

    PasswordHash {
        if (iterations < 10_000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "iterations " + iterations + " must be between 10000 and " + MAX_ITERATIONS);
        }
    }

    /** A new hash of the password, with a fresh random salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations, HASH_BITS));
    }

    /** Whether the stored string is a hash this class knows (current or legacy), as opposed to plain text. */
    static boolean isKnownHash(String stored) {
        return stored.startsWith(SCHEME + "$") || LEGACY.matcher(stored).matches();
    }

    /** Whether the stored string is the legacy unsalted SHA-256. */
    static boolean isLegacy(String stored) {
        return LEGACY.matcher(stored).matches();
    }

    /**
     * Compares a password with a stored hash in constant time for the hash's length. An unknown or malformed stored
     * string never matches.
     */
    Verdict verify(String password, String stored) {
        if (password == null || stored == null) {
            return Verdict.NO_MATCH;
        }
        if (LEGACY.matcher(stored).matches()) {
            byte[] expected = HexFormat.of().parseHex(stored);
            return MessageDigest.isEqual(expected, sha256(password)) ? Verdict.MATCH_LEGACY : Verdict.NO_MATCH;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return Verdict.NO_MATCH;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (rounds < 1 || rounds > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
                return Verdict.NO_MATCH;
            }
            byte[] actual = pbkdf2(password, salt, rounds, expected.length * 8);
            return MessageDigest.isEqual(expected, actual) ? Verdict.MATCH : Verdict.NO_MATCH;
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: a hand-edited, malformed entry; it simply does not match
            return Verdict.NO_MATCH;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int rounds, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, rounds, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /** SHA-256 of the UTF-8 bytes, as Karaf's basic encryption computed it. */
    static byte[] sha256(String password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] input = new byte[bytes.remaining()];
        bytes.get(input);
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }
}
