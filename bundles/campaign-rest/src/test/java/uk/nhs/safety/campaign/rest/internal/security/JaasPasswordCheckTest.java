package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

/** The real JAAS machinery ({@code LoginContext}) with a realm of one login module defined here. */
class JaasPasswordCheckTest {

    /** Accepts alice/s3cret with role admin; option "broken" makes it fail as a broken realm would. */
    public static final class OneUserModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private Map<String, ?> options;
        private boolean ok;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                               Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
            this.options = options;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean login() throws LoginException {
            ((AtomicReference<ClassLoader>) options.get("tccl")).set(Thread.currentThread().getContextClassLoader());
            if (options.containsKey("broken")) {
                throw new LoginException("users file unreadable");
            }
            NameCallback name = new NameCallback("user: ");
            PasswordCallback password = new PasswordCallback("password: ", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            ok = "alice".equals(name.getName()) && "s3cret".equals(new String(password.getPassword()));
            if (!ok) {
                throw new FailedLoginException("Password for " + name.getName() + " does not match");
            }
            return true;
        }

        @Override
        public boolean commit() {
            if (ok) {
                subject.getPrincipals().add(new UserPrincipal("alice"));
                subject.getPrincipals().add(new RolePrincipal("admin"));
            }
            return ok;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    private final AtomicReference<ClassLoader> loginLoader = new AtomicReference<>();

    private Configuration realm(String name, boolean broken) {
        Map<String, Object> options = broken ? Map.of("tccl", loginLoader, "broken", true) : Map.of("tccl", loginLoader);
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String requested) {
                return requested.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        OneUserModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)} : null;
            }
        };
    }

    @Test
    void returnsThePrincipalsOfAnAcceptedLogin() {
        Optional<Set<Principal>> principals = new JaasPasswordCheck(realm("karaf", false))
                .check("karaf", "alice", "s3cret".toCharArray());

        assertThat(principals).hasValueSatisfying(p -> assertThat(HttpAuthenticator.roles(p)).containsExactly("admin"));
    }

    @Test
    void returnsNothingForAWrongPassword() {
        assertThat(new JaasPasswordCheck(realm("karaf", false)).check("karaf", "alice", "guess".toCharArray()))
                .isEmpty();
    }

    @Test
    void logsInWithThisBundlesClassLoaderAndRestoresTheThreadsOwn() {
        ClassLoader own = new ClassLoader(null) { };
        Thread.currentThread().setContextClassLoader(own);
        try {
            new JaasPasswordCheck(realm("karaf", false)).check("karaf", "alice", "s3cret".toCharArray());

            assertThat(loginLoader.get()).isSameAs(JaasPasswordCheck.class.getClassLoader());
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
        } finally {
            Thread.currentThread().setContextClassLoader(JaasPasswordCheckTest.class.getClassLoader());
        }
    }

    @Test
    void treatsAnUnknownRealmAsAServerFaultNotARefusal() {
        assertThatThrownBy(() -> new JaasPasswordCheck(realm("karaf", false)).check("nosuch", "alice",
                "s3cret".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nosuch");
    }

    @Test
    void treatsABrokenRealmAsAServerFaultNotARefusal() {
        assertThatThrownBy(() -> new JaasPasswordCheck(realm("karaf", true)).check("karaf", "alice",
                "s3cret".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users file unreadable");
    }
}
