package uk.nhs.safety.campaign.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@code admin}'s stored hash hides the default password, remembered across restarts. PBKDF2 is slow on
 * purpose (about 0.5 s of a core at 600,000 iterations on a cold JVM), and the check ran at every start while the
 * platform boots on the same cores. What is kept is the SHA-256 of the stored hash string and the verdict, never the
 * hash itself; a changed entry has another digest and is checked again.
 */
final class DefaultPasswordMemo {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPasswordMemo.class);

    private record Known(String digest, boolean isDefault) {
    }

    private final Path file;
    private volatile Known known;

    /** @param file where the verdict is kept; {@code null}: in memory only */
    DefaultPasswordMemo(Path file) {
        this.file = file;
        this.known = read(file);
    }

    /**
     * Whether {@code stored} hides the default password: the remembered verdict when it is about this very string,
     * otherwise {@code verify}'s, which is then remembered.
     */
    boolean isDefault(String stored, Predicate<String> verify) {
        String digest = digest(stored);
        Known k = known;
        if (k != null && k.digest().equals(digest)) {
            return k.isDefault();
        }
        boolean isDefault = verify.test(stored);
        keep(digest, isDefault);
        return isDefault;
    }

    /** Records a verdict known without checking (the caller just hashed the password itself). */
    void remember(String stored, boolean isDefault) {
        keep(digest(stored), isDefault);
    }

    private void keep(String digest, boolean isDefault) {
        known = new Known(digest, isDefault);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, digest + " " + (isDefault ? "default" : "changed") + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // only a cache: the next start checks again
            LOG.warn("Could not remember the default-password verdict in {}: {}", file, e.toString());
        }
    }

    private static Known read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}")
                    && (parts[1].equals("default") || parts[1].equals("changed"))) {
                return new Known(parts[0], parts[1].equals("default"));
            }
            LOG.info("Ignoring {}: not a default-password verdict; admin's password is checked again", file);
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}; admin's password is checked again", file, e.toString());
            return null;
        }
    }

    private static String digest(String stored) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(stored.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
