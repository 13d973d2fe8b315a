package uk.nhs.safety.campaign.auth.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Dictionary;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.auth.internal.PasswordHash.Verdict;

/**
 * Salted, slow password hashes for Karaf's JAAS realm, as Karaf's own {@link EncryptionService} SPI (selected by
 * {@code encryption.name = pbkdf2} in {@code etc/org.apache.karaf.jaas.cfg}), so Karaf's properties login module, its
 * {@code jaas:*} commands and its own plain-text watcher all hash with it. On top of what Karaf does:
 * <ul>
 * <li>a legacy unsalted SHA-256 entry that matches at login is rehashed at once ({@link #legacyMatched});</li>
 * <li>{@code etc/users.properties} is checked every few seconds (and at start) and plain-text passwords are hashed,
 * independently of Karaf's own watcher, which gives up for good if this service is not yet there when it starts;</li>
 * <li>while {@code admin} still has the default password, a WARN at start and at each change of the file.</li>
 * </ul>
 */
@Component(service = EncryptionService.class, configurationPid = PasswordHashing.PID, immediate = true,
        property = {"name=" + PasswordHashing.NAME, "service.ranking:Integer=10"})
@Designate(ocd = PasswordHashing.Config.class)
public class PasswordHashing implements EncryptionService {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.auth";
    /** The service's {@code name}, as {@code encryption.name} in {@code etc/org.apache.karaf.jaas.cfg} names it. */
    public static final String NAME = "pbkdf2";

    /** A file modified more recently than this is left for the next check, so that a writer can finish. */
    static final long SETTLE_MILLIS = 500;
    /** In the bundle's data area: the digest of admin's stored hash and whether it hides the default password. */
    static final String MEMO_FILE = "admin-default-password-verdict";
    private static final String JAAS_PID = "org.apache.karaf.jaas";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashing.class);

    /** Password hashing settings. */
    @ObjectClassDefinition(name = "Campaign password hashing",
            description = "PBKDF2 password hashes of etc/users.properties (Karaf's JAAS realm 'karaf')")
    public @interface Config {

        @AttributeDefinition(name = "PBKDF2 iterations", description = "Iterations of new hashes (existing ones keep"
                + " theirs); OWASP recommends 600000 for PBKDF2-HMAC-SHA256", min = "10000")
        int iterations() default PasswordHash.DEFAULT_ITERATIONS;

        @AttributeDefinition(name = "Users file", description = "The users file to keep hashed; empty: "
                + "${karaf.etc}/users.properties")
        String usersFile() default "";

        @AttributeDefinition(name = "Check interval (seconds)", description = "How often the users file is checked"
                + " for plain-text passwords", min = "1")
        int checkIntervalSeconds() default 2;
    }

    private final PasswordHash hash;
    private final UsersFile users;
    private final BooleanSupplier selected;
    private final long settleMillis;
    private final ScheduledExecutorService checker;
    private final DefaultPasswordMemo memo;
    private volatile Stamp lastSeen;
    private volatile boolean warnedNotSelected;

    @Activate
    public PasswordHashing(Config config, @Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this(new PasswordHash(config.iterations()), new UsersFile(usersPath(config.usersFile())),
                () -> selectedInJaasConfig(configAdmin), SETTLE_MILLIS,
                new DefaultPasswordMemo(Optional.ofNullable(context.getDataFile(MEMO_FILE)).map(File::toPath)
                        .orElse(null)));
        checker.scheduleWithFixedDelay(this::checkQuietly, 0, Math.max(1, config.checkIntervalSeconds()),
                TimeUnit.SECONDS);
    }

    /**
     * For tests: no background checks; call {@link #check()} directly.
     *
     * @param selected whether Karaf's realm uses this service; the file is touched only then, because hashes that
     *                 Karaf's realm cannot check would lock every user out
     * @param settleMillis a file modified less than this long ago is left for the next check
     * @param memo what is known of admin's hash, so that a restart does not spend half a second checking it again
     */
    PasswordHashing(PasswordHash hash, UsersFile users, BooleanSupplier selected, long settleMillis,
                    DefaultPasswordMemo memo) {
        this.settleMillis = settleMillis;
        this.memo = memo;
        this.hash = hash;
        this.users = users;
        this.selected = selected;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "campaign-auth users.properties hasher");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        checker.shutdownNow();
    }

    private static Path usersPath(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            throw new IllegalStateException("karaf.etc is not set and no usersFile is configured (PID " + PID + ")");
        }
        return Path.of(etc, "users.properties");
    }

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        return new Encryption() {
            @Override
            public String encryptPassword(String password) {
                return hash.hash(password);
            }

            @Override
            public boolean checkPassword(String plain, String encrypted) {
                Verdict verdict = hash.verify(plain, encrypted);
                if (verdict == Verdict.MATCH_LEGACY) {
                    legacyMatched(encrypted, plain);
                }
                return verdict != Verdict.NO_MATCH;
            }
        };
    }

    /**
     * A login just proved that {@code plain} is the password behind the legacy hash: every entry holding that hash
     * (unsalted, so the same password gives the same hash whoever the user) gets a new salted one. A failure is
     * logged and the login still succeeds; the entry is tried again at the next login.
     */
    void legacyMatched(String legacyHash, String plain) {
        try {
            int n = users.rewrite(e -> e.marked() && e.unmarked().equalsIgnoreCase(legacyHash)
                    ? UsersFile.PREFIX + hash.hash(plain) + UsersFile.SUFFIX : null);
            if (n > 0) {
                LOG.info("Rehashed {} legacy SHA-256 password(s) in {} with PBKDF2 after a successful login", n,
                        users.path());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not rehash a legacy SHA-256 password in {}: {}", users.path(), e.toString(), e);
        }
    }

    /** Whether {@code etc/org.apache.karaf.jaas.cfg} enables encryption and names this service. */
    static boolean selectedInJaasConfig(ConfigurationAdmin configAdmin) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + JAAS_PID + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return false;
            }
            Dictionary<String, Object> p = found[0].getProperties();
            return "true".equals(String.valueOf(p.get("encryption.enabled")).strip())
                    && NAME.equals(String.valueOf(p.get("encryption.name")).strip());
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read configuration " + JAAS_PID + ": " + e.getMessage(), e);
        }
    }

    /** Hashes plain-text passwords if the file changed since the last check. */
    void check() throws IOException {
        if (!selected.getAsBoolean()) {
            if (!warnedNotSelected) {
                warnedNotSelected = true;
                LOG.warn("{} does not set encryption.enabled = true and encryption.name = {}: plain-text passwords"
                        + " in {} are left as they are", JAAS_PID, NAME, users.path());
            }
            return;
        }
        warnedNotSelected = false;
        Stamp now = Stamp.of(users.path());
        if (now.equals(lastSeen)) {
            return;
        }
        if (now.modifiedNanos() > 0
                && System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(now.modifiedNanos()) < settleMillis) {
            // just written, perhaps still being written by an editor or by Karaf: next tick
            return;
        }
        int n = users.rewrite(e -> {
            if (e.marked()) {
                return null;
            }
            String hashed = hash.hash(e.password());
            if (e.user().equals(DefaultPassword.USER)) {
                memo.remember(hashed, DefaultPassword.PASSWORD.equals(e.password()));
            }
            return UsersFile.PREFIX + hashed + UsersFile.SUFFIX;
        });
        if (n > 0) {
            LOG.info("Hashed {} plain-text password(s) in {} with PBKDF2", n, users.path());
        }
        for (UsersFile.Entry e : users.entries()) {
            if (e.user().equals(DefaultPassword.USER) && e.marked() && memo.isDefault(e.unmarked(),
                    stored -> hash.verify(DefaultPassword.PASSWORD, stored) != Verdict.NO_MATCH)) {
                LOG.warn("Security: {}", DefaultPassword.HOW_TO_CHANGE);
            }
        }
        lastSeen = Stamp.of(users.path());
    }

    private void checkQuietly() {
        try {
            check();
        } catch (UsersFile.ChangedMeanwhileException e) {
            LOG.info("{}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            // logged, and retried at the next tick: the file may be mid-edit or briefly unreadable
            LOG.warn("Could not check {} for plain-text passwords: {}", users.path(), e.toString(), e);
        }
    }

    /** What tells that the file changed: modification time and size (absent file: both -1). */
    private record Stamp(long modifiedNanos, long size) {
        static Stamp of(Path path) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
            } catch (NoSuchFileException e) {
                return new Stamp(-1, -1);
            }
        }
    }
}
