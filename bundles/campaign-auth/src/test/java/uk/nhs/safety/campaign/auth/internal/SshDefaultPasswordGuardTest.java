package uk.nhs.safety.campaign.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.junit.jupiter.api.Test;

class SshDefaultPasswordGuardTest {

    /** Karaf's JAAS authenticator stand-in: admin/admin (the default) and ops/s3cret are right. */
    private final PasswordAuthenticator karaf = (user, password, session) ->
            user.equals("admin") && password.equals("admin") || user.equals("ops") && password.equals("s3cret");

    private static ServerSession from(String ip) {
        return (ServerSession) Proxy.newProxyInstance(ServerSession.class.getClassLoader(),
                new Class<?>[] {ServerSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getClientAddress")) {
                        return new InetSocketAddress(ip, 50000);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theDefaultPasswordIsRefusedFromAnotherMachineAndAcceptedFromLoopback() throws Exception {
        PasswordAuthenticator guarded = new SshDefaultPasswordGuard.Guarded(karaf);

        assertThat(guarded.authenticate("admin", "admin", from("192.0.2.2"))).isFalse();
        assertThat(guarded.authenticate("admin", "admin", from("2001:db8::5"))).isFalse();
        assertThat(guarded.authenticate("admin", "admin", from("127.0.0.1"))).isTrue();
        assertThat(guarded.authenticate("admin", "admin", from("::1"))).isTrue();
    }

    @Test
    void otherLoginsAreDecidedByKarafAlone() throws Exception {
        PasswordAuthenticator guarded = new SshDefaultPasswordGuard.Guarded(karaf);

        assertThat(guarded.authenticate("ops", "s3cret", from("192.0.2.2"))).isTrue();
        assertThat(guarded.authenticate("ops", "wrong", from("127.0.0.1"))).isFalse();
        assertThat(guarded.authenticate("admin", "nope", from("127.0.0.1"))).isFalse();
    }

    @Test
    void bindingWrapsTheServersAuthenticatorOnceAndUnbindingRestoresIt() {
        SshServer server = SshServer.setUpDefaultServer();
        server.setPasswordAuthenticator(karaf);
        SshDefaultPasswordGuard guard = new SshDefaultPasswordGuard();

        guard.bindServer(server);
        guard.bindServer(server);
        assertThat(server.getPasswordAuthenticator()).isInstanceOf(SshDefaultPasswordGuard.Guarded.class);
        assertThat(((SshDefaultPasswordGuard.Guarded) server.getPasswordAuthenticator()).delegate()).isSameAs(karaf);

        guard.unbindServer(server);
        assertThat(server.getPasswordAuthenticator()).isSameAs(karaf);
    }
}
