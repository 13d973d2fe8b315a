package uk.nhs.safety.campaign.auth.internal;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.password.PasswordChangeRequiredException;
import org.apache.sshd.server.session.ServerSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses console logins (ssh, {@code bin/client} from another machine) with the shipped {@code admin}/{@code admin}
 * unless they come from the loopback address. Karaf's ssh bundle registers its {@link SshServer} as a service; this
 * component wraps the server's password authenticator (Karaf's JAAS one), which also serves keyboard-interactive
 * logins. The ssh client only sees "authentication failed", so each refusal is logged as a WARN saying how to change
 * the password (and {@link PasswordHashing} warns at start while the default is in place).
 */
@Component(immediate = true)
public class SshDefaultPasswordGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SshDefaultPasswordGuard.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindServer(SshServer server) {
        PasswordAuthenticator current = server.getPasswordAuthenticator();
        if (current != null && !(current instanceof Guarded)) {
            server.setPasswordAuthenticator(new Guarded(current));
            LOG.info("Console logins with the default admin password are refused from other machines (ssh port {})",
                    server.getPort());
        }
    }

    void unbindServer(SshServer server) {
        if (server.getPasswordAuthenticator() instanceof Guarded guarded) {
            server.setPasswordAuthenticator(guarded.delegate());
        }
    }

    /** Karaf's authenticator, with the default password refused from non-loopback clients. */
    record Guarded(PasswordAuthenticator delegate) implements PasswordAuthenticator {

        @Override
        public boolean authenticate(String username, String password, ServerSession session)
                throws PasswordChangeRequiredException, AsyncAuthException {
            boolean accepted = delegate.authenticate(username, password, session);
            if (accepted && DefaultPassword.isDefault(username, password)
                    && !DefaultPassword.isLoopback(session.getClientAddress())) {
                LOG.warn("Console login refused from {}: {}", session.getClientAddress(),
                        DefaultPassword.HOW_TO_CHANGE);
                return false;
            }
            return accepted;
        }
    }
}
