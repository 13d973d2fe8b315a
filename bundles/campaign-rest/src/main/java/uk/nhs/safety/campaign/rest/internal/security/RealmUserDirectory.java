package uk.nhs.safety.campaign.rest.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the HTTP API's JAAS realm (the {@code realm} of {@link HttpAuthenticator}'s configuration, Karaf's
 * {@code karaf} realm by default), read through Karaf's own abstraction: the realm's {@link JaasRealm} service gives
 * its login modules and their options, and the {@link BackingEngineFactory} service registered for each module
 * builds a {@link BackingEngine} that lists users and their roles (groups resolved), exactly what
 * {@code jaas:user-list} shows. For the properties module that is {@code etc/users.properties}, read again at most
 * once a second ({@link CachedUserDirectory}). The public-key module ({@code etc/keys.properties}) is skipped: its
 * users sign in to the console with a key, never to the HTTP API with a password.
 *
 * <p>When the realm has no module with a backing engine (e.g. a custom login module without a
 * {@link BackingEngineFactory}), users cannot be listed: the lookup answers {@link UserDirectory.State#UNKNOWN}, a
 * warning is logged once, and sessions keep their login roles until they end.
 */
@Component(service = UserDirectory.class, configurationPid = HttpAuthenticator.PID)
public class RealmUserDirectory implements UserDirectory {

    /** Karaf's public-key login module: console keys, no passwords, so no HTTP sessions. */
    static final String PUBLICKEY_MODULE = "org.apache.karaf.jaas.modules.publickey.PublickeyLoginModule";
    /**
     * The option in which Karaf's realms name an entry's real login module: the entry itself names Karaf's
     * {@code ProxyLoginModule} (its constant {@code PROPERTY_MODULE}), which loads the module from its bundle.
     */
    static final String MODULE_OPTION = "org.apache.karaf.jaas.module";
    /** How long a snapshot of the realm's users is used before the realm is read again. */
    static final Duration TTL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RealmUserDirectory.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<JaasRealm> realms;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BackingEngineFactory> factories;

    private final CachedUserDirectory cache;
    private volatile String realm;
    /** The last problem logged, so that a lasting one is logged once, not on every request. */
    private volatile String lastProblem;

    @Activate
    public RealmUserDirectory(HttpAuthenticator.Config config) {
        this.realm = HttpAuthenticator.Settings.from(config).realm();
        this.cache = new CachedUserDirectory(Clock.systemUTC(), TTL, this::load);
    }

    /** For tests: the given realm's services, read through a cache on the given clock. */
    RealmUserDirectory(String realm, List<JaasRealm> realms, List<BackingEngineFactory> factories, Clock clock) {
        this.realm = realm;
        this.realms = realms;
        this.factories = factories;
        this.cache = new CachedUserDirectory(clock, TTL, this::load);
    }

    @Modified
    void modified(HttpAuthenticator.Config config) {
        realm = HttpAuthenticator.Settings.from(config).realm();
        cache.invalidate();
    }

    @Override
    public Lookup lookup(String user) {
        return cache.lookup(user);
    }

    /** Every user of the realm with its roles, or empty when the realm cannot be read. */
    Optional<Map<String, Set<String>>> load() {
        String name = realm;
        List<JaasRealm> known = Objects.requireNonNullElse(realms, List.of());
        Optional<JaasRealm> chosen = known.stream().filter(r -> name.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank));
        if (chosen.isEmpty()) {
            return problem("no JAAS realm '" + name + "' is registered");
        }
        List<BackingEngineFactory> engines = Objects.requireNonNullElse(factories, List.of());
        Map<String, Set<String>> users = new HashMap<>();
        boolean read = false;
        for (AppConfigurationEntry entry : chosen.get().getEntries()) {
            String module = moduleOf(entry);
            if (PUBLICKEY_MODULE.equals(module)) {
                continue;
            }
            Optional<BackingEngineFactory> factory = engines.stream()
                    .filter(f -> module.equals(f.getModuleClass())).findFirst();
            if (factory.isEmpty()) {
                continue;
            }
            BackingEngine engine;
            try {
                engine = factory.get().build(entry.getOptions());
                if (engine == null) {
                    continue;
                }
                for (UserPrincipal u : engine.listUsers()) {
                    Set<String> roles = new TreeSet<>();
                    for (RolePrincipal r : engine.listRoles(u)) {
                        roles.add(r.getName());
                    }
                    users.merge(u.getName(), roles, (a, b) -> {
                        Set<String> both = new TreeSet<>(a);
                        both.addAll(b);
                        return both;
                    });
                }
                read = true;
            } catch (RuntimeException e) {
                LOG.warn("JAAS realm '{}': the users of login module {} cannot be read; open sessions keep their"
                        + " roles until this is fixed", name, module, e);
                return Optional.empty();
            }
        }
        if (!read) {
            return problem("JAAS realm '" + name + "' has no login module whose users can be listed (no"
                    + " BackingEngineFactory registered for its modules)");
        }
        if (lastProblem != null) {
            LOG.info("JAAS realm '{}' can be read again: open sessions are re-checked", name);
            lastProblem = null;
        }
        return Optional.of(users);
    }

    /** The real login module of an entry, as Karaf's own BackingEngineService finds it. */
    static String moduleOf(AppConfigurationEntry entry) {
        Object proxied = entry.getOptions().get(MODULE_OPTION);
        return proxied instanceof String name && !name.isBlank() ? name : entry.getLoginModuleName();
    }

    private Optional<Map<String, Set<String>>> problem(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            LOG.warn("Web sessions cannot be re-checked: {}; they keep the roles given at login until they end",
                    problem);
        }
        return Optional.empty();
    }
}
