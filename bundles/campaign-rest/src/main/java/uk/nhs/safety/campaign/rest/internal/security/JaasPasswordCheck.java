package uk.nhs.safety.campaign.rest.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.CredentialException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The JAAS login behind HTTP Basic. In Karaf the JAAS {@link Configuration} is global (installed by the
 * {@code org.apache.karaf.jaas.config} bundle) and every realm entry names Karaf's {@code ProxyLoginModule}, which
 * {@link LoginContext} loads through the thread context class loader it finds <em>when it is constructed</em>. Jetty
 * threads carry whatever loader Pax Web left there, so the context loader is set to this bundle's own loader (which
 * sees {@code org.apache.karaf.jaas.boot} through boot delegation) for the duration of the login.
 */
final class JaasPasswordCheck implements PasswordCheck {

    private final Configuration configuration;

    /** Uses the container's global JAAS configuration. */
    JaasPasswordCheck() {
        this(null);
    }

    /** Uses the given configuration ({@code null}: the global one); tests pass their own. */
    JaasPasswordCheck(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Optional<Set<Principal>> check(String realm, String user, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasPasswordCheck.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, new Credentials(user, password), configuration);
            context.login();
            // No logout: the subject is local and dropped here, and Karaf's modules hold nothing to release.
            return Optional.of(Set.copyOf(subject.getPrincipals()));
        } catch (FailedLoginException | AccountException | CredentialException e) {
            return Optional.empty();
        } catch (LoginException e) {
            throw new IllegalStateException("JAAS realm '" + realm + "' cannot check passwords: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Answers the login modules' questions for user name and password; any other question cannot be answered. */
    private record Credentials(String user, char[] password) implements CallbackHandler {

        @Override
        public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback pass) {
                    pass.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(callback, "only a user name and password are known");
                }
            }
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
