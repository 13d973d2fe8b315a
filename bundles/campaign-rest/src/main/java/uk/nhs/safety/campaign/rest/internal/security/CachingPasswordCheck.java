package uk.nhs.safety.campaign.rest.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Remembers successful password checks for a short time, so that HTTP Basic, which sends the password with every
 * request, does not pay for a slow, salted password hash (PBKDF2, hundreds of milliseconds) on every request.
 * <ul>
 * <li>Entries are keyed by an HMAC-SHA256, under a random key made when this object is, of realm, user and password:
 * the password itself is never kept, and a memory dump does not give a cheap way to test guesses.</li>
 * <li>Only successes are remembered; a wrong password always goes to the realm (and to the failed-login count).</li>
 * <li>Everything is forgotten when the users file changes (a password changed, a user removed or given other
 * roles) and each entry after {@link #TTL} anyway (for realms that are not the file).</li>
 * </ul>
 */
final class CachingPasswordCheck implements PasswordCheck {

    /** How long a successful check is remembered at most. */
    static final Duration TTL = Duration.ofSeconds(60);
    /** Beyond this many remembered logins the cache starts over, so guessing cannot grow it without bound. */
    static final int MAX_ENTRIES = 10_000;

    private final PasswordCheck delegate;
    private final Clock clock;
    private final Supplier<Object> usersVersion;
    private final SecretKey key;
    private final Map<String, Remembered> cache = new ConcurrentHashMap<>();
    private volatile Object seenVersion;

    private record Remembered(Set<Principal> principals, Instant expires) {
    }

    /** For the container: the users file is {@code ${karaf.etc}/users.properties}. */
    static CachingPasswordCheck forKaraf(PasswordCheck delegate) {
        String etc = System.getProperty("karaf.etc");
        Path users = etc == null ? null : Path.of(etc, "users.properties");
        return new CachingPasswordCheck(delegate, Clock.systemUTC(), () -> fileVersion(users));
    }

    /**
     * @param usersVersion anything that changes when the users change (compared with {@code equals})
     */
    CachingPasswordCheck(PasswordCheck delegate, Clock clock, Supplier<Object> usersVersion) {
        this.delegate = delegate;
        this.clock = clock;
        this.usersVersion = usersVersion;
        try {
            this.key = KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public Optional<Set<Principal>> check(String realm, String user, char[] password) {
        Object version = usersVersion.get();
        if (!version.equals(seenVersion)) {
            cache.clear();
            seenVersion = version;
        }
        String id = id(realm, user, password);
        Instant now = clock.instant();
        Remembered hit = cache.get(id);
        if (hit != null && now.isBefore(hit.expires())) {
            return Optional.of(hit.principals());
        }
        Optional<Set<Principal>> result = delegate.check(realm, user, password);
        if (result.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(id, new Remembered(result.get(), now.plus(TTL)));
        } else if (hit != null) {
            cache.remove(id);
        }
        return result;
    }

    /** Forgets every remembered login. */
    void clear() {
        cache.clear();
    }

    private String id(String realm, String user, char[] password) {
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[pw.remaining()];
        pw.get(bytes);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(realm.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (pw.hasArray()) {
                Arrays.fill(pw.array(), (byte) 0);
            }
        }
    }

    /** The users file's modification time and size ("none" without a file or a path). */
    static Object fileVersion(Path users) {
        if (users == null) {
            return "none";
        }
        try {
            BasicFileAttributes a = Files.readAttributes(users, BasicFileAttributes.class);
            return a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "/" + a.size() + "/" + a.fileKey();
        } catch (NoSuchFileException e) {
            return "none";
        } catch (IOException e) {
            // unreadable metadata: a value that never equals the last one, so nothing is served from the cache
            return new Object();
        }
    }
}
