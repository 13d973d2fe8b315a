package uk.nhs.safety.campaign.rest.internal.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException.Reason;

/**
 * The HTTP API's {@link Authenticator}: {@code Basic} credentials are checked against a JAAS realm (Karaf's
 * {@code karaf} realm, i.e. {@code etc/users.properties}, by default) and the caller's roles are the realm's role
 * principals; {@code Bearer} secrets are partner API tokens.
 *
 * <p>Failed logins are logged and throttled by three separate counters ({@link SharedLoginThrottle}, counted in the
 * database so that the limits hold across every node), each over the same sliding window:
 * <ul>
 *   <li>per (user name, address) pair, low ({@code maxFailures}, 5): someone guessing one user's password from one
 *       address is stopped quickly, while that user logs in from any other address as usual;</li>
 *   <li>per address for passwords, higher ({@code addressMaxFailures}, 50): an address trying many user names is
 *       stopped, while a proxy in front of many honest users is not stopped by a few typos;</li>
 *   <li>per address for API tokens ({@code tokenMaxFailures}, 20): only unknown, revoked or malformed bearer tokens
 *       count, and only token attempts are refused by it. Password failures never refuse a token.</li>
 * </ul>
 * There is no counter per user name alone, so nobody can lock a user out from every address. A throttled attempt is
 * refused (429) before its password or token is even checked, and is not counted.
 */
@Component(service = Authenticator.class, configurationPid = HttpAuthenticator.PID)
@Designate(ocd = HttpAuthenticator.Config.class)
public class HttpAuthenticator implements Authenticator {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.rest.security";

    static final int USER_MAX = 200;
    static final int HEADER_MAX = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(HttpAuthenticator.class);
    /** RFC 7235 token68: what may follow an auth scheme. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    /** How HTTP callers are authenticated. */
    @ObjectClassDefinition(name = "Campaign HTTP API authentication",
            description = "JAAS realm and failed-login throttling of the Sign up to Safety HTTP API")
    public @interface Config {

        @AttributeDefinition(name = "JAAS realm", description = "The JAAS realm that checks Basic user names and"
                + " passwords; its role principals are the callers' roles")
        String realm() default "karaf";

        @AttributeDefinition(name = "Failures allowed per user and address", description = "Failed password logins"
                + " allowed per pair of user name and remote address within the window; further attempts of that"
                + " user from that address get 429 until the window has passed (other addresses are unaffected)",
                min = "1")
        int maxFailures() default 5;

        @AttributeDefinition(name = "Failures allowed per address", description = "Failed password logins allowed"
                + " per remote address (all user names together) within the window; further password logins from"
                + " that address get 429. Partner tokens are not affected", min = "1")
        int addressMaxFailures() default 50;

        @AttributeDefinition(name = "Bad tokens allowed per address", description = "Unknown, revoked or malformed"
                + " API tokens allowed per remote address within the window; further token attempts from that"
                + " address get 429. Password logins are not affected", min = "1")
        int tokenMaxFailures() default 20;

        @AttributeDefinition(name = "Window (seconds)", description = "The sliding window over which failed logins"
                + " are counted", min = "1")
        long windowSeconds() default 300;
    }

    /** The settings in force, validated. */
    record Settings(String realm, int maxFailures, int addressMaxFailures, int tokenMaxFailures, Duration window) {

        static final Settings DEFAULTS = new Settings("karaf", 5, 50, 20, Duration.ofSeconds(300));

        /** Bad values are replaced by the defaults, with a warning naming the property; the API stays protected. */
        static Settings from(Config config) {
            String realm = config.realm() == null || config.realm().isBlank() ? null : config.realm().strip();
            if (realm == null) {
                LOG.warn("Configuration {}: realm '{}' is blank; using '{}'", PID, config.realm(), DEFAULTS.realm());
                realm = DEFAULTS.realm();
            }
            int max = atLeastOne("maxFailures", config.maxFailures(), DEFAULTS.maxFailures());
            int address = atLeastOne("addressMaxFailures", config.addressMaxFailures(), DEFAULTS.addressMaxFailures());
            int token = atLeastOne("tokenMaxFailures", config.tokenMaxFailures(), DEFAULTS.tokenMaxFailures());
            long seconds = config.windowSeconds();
            if (seconds < 1) {
                LOG.warn("Configuration {}: windowSeconds {} must be 1 or more; using {}", PID, seconds,
                        DEFAULTS.window().getSeconds());
                seconds = DEFAULTS.window().getSeconds();
            }
            return new Settings(realm, max, address, token, Duration.ofSeconds(seconds));
        }

        private static int atLeastOne(String name, int value, int fallback) {
            if (value < 1) {
                LOG.warn("Configuration {}: {} {} must be 1 or more; using {}", PID, name, value, fallback);
                return fallback;
            }
            return value;
        }
    }

    private final PasswordCheck passwords;
    /** Password failures per (user name, address) pair. */
    private final SharedLoginThrottle pairs;
    /** Password (and malformed credential) failures per address. */
    private final SharedLoginThrottle addresses;
    /** Bad token failures per address. */
    private final SharedLoginThrottle badTokens;
    private volatile String realm;

    /*
     * Optional and dynamic on purpose: the token store lives in the database, and Basic logins (and the health
     * route, which must be able to say the database is down) must keep working while it is unavailable.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApiTokenService tokens;

    @Activate
    public HttpAuthenticator(Config config, @Reference WebTables tables) {
        this(null, CachingPasswordCheck.forKaraf(new JaasPasswordCheck()), Clock.systemUTC(), Settings.from(config),
                tables);
    }

    /** Failures counted in this object's memory only (tests that are not about sharing them). */
    HttpAuthenticator(ApiTokenService tokens, PasswordCheck passwords, Clock clock, Settings settings) {
        this(tokens, passwords, clock, settings, null);
    }

    /** @param tables where failures are counted for every node; {@code null}: in memory only */
    HttpAuthenticator(ApiTokenService tokens, PasswordCheck passwords, Clock clock, Settings settings,
                      Supplier<PartnerDatabase> tables) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.realm = settings.realm();
        this.pairs = new SharedLoginThrottle("pair", tables, clock, settings.maxFailures(), settings.window());
        this.addresses = new SharedLoginThrottle("address", tables, clock, settings.addressMaxFailures(),
                settings.window());
        this.badTokens = new SharedLoginThrottle("token", tables, clock, settings.tokenMaxFailures(),
                settings.window());
    }

    @Modified
    void modified(Config config) {
        apply(Settings.from(config));
    }

    void apply(Settings settings) {
        realm = settings.realm();
        pairs.configure(settings.maxFailures(), settings.window());
        addresses.configure(settings.addressMaxFailures(), settings.window());
        badTokens.configure(settings.tokenMaxFailures(), settings.window());
        LOG.info("HTTP authentication: realm '{}'; in {} s at most {} failed logins per user and address, {} per"
                        + " address, {} bad API tokens per address", settings.realm(), settings.window().getSeconds(),
                settings.maxFailures(), settings.addressMaxFailures(), settings.tokenMaxFailures());
    }

    @Override
    public Caller authenticate(String authorization, String remoteAddress) throws AuthenticationException {
        if (authorization == null) {
            return Caller.ANONYMOUS;
        }
        String address = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress.strip();
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String credentials = space < 0 ? "" : header.substring(space + 1).strip();
        if (header.length() > HEADER_MAX || !TOKEN68.matcher(credentials).matches()) {
            SharedLoginThrottle counter = "bearer".equalsIgnoreCase(scheme) ? badTokens : addresses;
            throw malformed(counter, address, "malformed Authorization header");
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(credentials, address);
            case "bearer" -> bearer(credentials, address);
            default -> throw malformed(address, "unsupported authorization scheme; use Basic or Bearer");
        };
    }

    private Caller basic(String credentials, String address) throws AuthenticationException {
        char[] decoded = decode(credentials, address);
        try {
            int colon = indexOf(decoded, ':');
            if (colon < 0) {
                throw malformed(address, "malformed Basic credentials: no ':' between user name and password");
            }
            String user = new String(decoded, 0, colon);
            if (user.isBlank()) {
                throw malformed(address, "malformed Basic credentials: empty user name");
            }
            if (user.length() > USER_MAX) {
                throw malformed(address, "malformed Basic credentials: user name longer than " + USER_MAX);
            }
            String pairKey = pairKey(user, address);
            long wait = Math.max(pairs.retryAfterSeconds(pairKey), addresses.retryAfterSeconds(address));
            if (wait > 0) {
                LOG.warn("HTTP login of user '{}' from {} refused without checking: too many failed logins,"
                        + " retry in {} s", printable(user), address, wait);
                throw new AuthenticationException(Reason.RATE_LIMITED,
                        "too many failed logins; try again in " + wait + " seconds", wait);
            }
            char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            Optional<Set<Principal>> principals;
            boolean defaultPassword;
            try {
                principals = passwords.check(realm, user, password);
                defaultPassword = DefaultPassword.isDefault(user, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            if (principals.isEmpty()) {
                pairs.failed(pairKey);
                addresses.failed(address);
                LOG.warn("Failed HTTP login of user '{}' from {}", printable(user), address);
                throw new AuthenticationException(Reason.BAD_CREDENTIALS, "wrong user name or password", 0);
            }
            if (defaultPassword && !DefaultPassword.isLoopback(address)) {
                LOG.warn("HTTP login refused from {}: {}", address, DefaultPassword.HOW_TO_CHANGE);
                throw new AuthenticationException(Reason.DEFAULT_PASSWORD, DefaultPassword.HOW_TO_CHANGE, 0);
            }
            pairs.succeeded(pairKey);
            return new Caller(user, roles(principals.get()));
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    private Caller bearer(String secret, String address) throws AuthenticationException {
        long wait = badTokens.retryAfterSeconds(address);
        if (wait > 0) {
            LOG.warn("HTTP API token from {} refused without checking: too many bad API tokens, retry in {} s",
                    address, wait);
            throw new AuthenticationException(Reason.RATE_LIMITED,
                    "too many bad API tokens; try again in " + wait + " seconds", wait);
        }
        ApiTokenService store = tokens;
        if (store == null) {
            throw new IllegalStateException("partner API tokens cannot be checked: the token store is unavailable");
        }
        Optional<ApiToken> token = store.authenticate(secret);
        if (token.isEmpty()) {
            badTokens.failed(address);
            LOG.warn("Failed HTTP login with an unknown or revoked API token from {}", address);
            throw new AuthenticationException(Reason.BAD_CREDENTIALS, "unknown or revoked API token", 0);
        }
        String partner = token.get().partnerId();
        return new Caller(Roles.PARTNER_PREFIX + partner, Set.of(Roles.PARTNER, Roles.PARTNER_PREFIX + partner));
    }

    /** The names of the realm's role principals; user and group principals are not roles. */
    static Set<String> roles(Set<Principal> principals) {
        Set<String> roles = new TreeSet<>();
        for (Principal p : principals) {
            if (p instanceof RolePrincipal) {
                roles.add(p.getName());
            }
        }
        return roles;
    }

    /**
     * Malformed credentials count as a failure of the address: probing with garbage is still probing. A malformed
     * bearer token counts against the address's token counter, anything else against its password counter.
     */
    private AuthenticationException malformed(String address, String message) {
        return malformed(addresses, address, message);
    }

    private AuthenticationException malformed(SharedLoginThrottle counter, String address, String message) {
        long wait = counter.retryAfterSeconds(address);
        if (wait > 0) {
            LOG.warn("HTTP login from {} refused without checking: too many failed logins, retry in {} s", address,
                    wait);
            return new AuthenticationException(Reason.RATE_LIMITED,
                    "too many failed logins; try again in " + wait + " seconds", wait);
        }
        counter.failed(address);
        LOG.warn("Failed HTTP login from {}: {}", address, message);
        return new AuthenticationException(Reason.BAD_CREDENTIALS, message, 0);
    }

    /** The pair key: the user name's length first, so no user name and address can be mistaken for another pair. */
    private static String pairKey(String user, String address) {
        return user.length() + ":" + user + "@" + address;
    }

    private char[] decode(String base64, String address) throws AuthenticationException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed(address, "malformed Basic credentials: not base64");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return result;
        } catch (CharacterCodingException e) {
            throw malformed(address, "malformed Basic credentials: not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A user name as logged: control characters replaced, so a crafted name cannot forge log lines. */
    static String printable(String user) {
        StringBuilder b = new StringBuilder(Math.min(user.length(), 64));
        user.codePoints().limit(64).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return user.codePointCount(0, user.length()) > 64 ? b + "…" : b.toString();
    }

    SharedLoginThrottle pairs() {
        return pairs;
    }

    SharedLoginThrottle addresses() {
        return addresses;
    }

    SharedLoginThrottle badTokens() {
        return badTokens;
    }
}
