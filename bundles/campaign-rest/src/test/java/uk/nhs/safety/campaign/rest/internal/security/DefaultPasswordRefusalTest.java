package uk.nhs.safety.campaign.rest.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.rest.internal.security.AuthenticationException.Reason;

class DefaultPasswordRefusalTest {

    /** A realm where admin's password is still "admin" and ops has "s3cret". */
    private final PasswordCheck realm = (r, user, password) -> {
        String pw = new String(password);
        if (user.equals("admin") && pw.equals("admin") || user.equals("ops") && pw.equals("s3cret")) {
            return Optional.of(Set.<Principal>of(new UserPrincipal(user), new RolePrincipal("admin")));
        }
        return Optional.empty();
    };
    private final HttpAuthenticator authenticator = new HttpAuthenticator(null, realm, new TestClock(),
            HttpAuthenticator.Settings.DEFAULTS);

    @Test
    void theDefaultPasswordIsRefusedFromAnotherMachineWithHowToChangeIt() {
        for (String remote : new String[] {"192.0.2.7", "10.1.2.3", "2001:db8::1", "unknown", "localhost"}) {
            assertThatThrownBy(() -> authenticator.login("admin", "admin", remote)).as(remote)
                    .asInstanceOf(type(AuthenticationException.class))
                    .satisfies(e -> {
                        assertThat(e.reason()).isEqualTo(Reason.DEFAULT_PASSWORD);
                        assertThat(e.getMessage()).contains("default password").contains("jaas:user-add admin");
                    });
        }
    }

    @Test
    void theDefaultPasswordWorksFromLoopback() throws Exception {
        for (String local : new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]"}) {
            assertThat(authenticator.login("admin", "admin", local).name()).as(local).isEqualTo("admin");
        }
    }

    @Test
    void otherPasswordsAndWrongOnesAreNotAffected() throws Exception {
        assertThat(authenticator.login("ops", "s3cret", "192.0.2.7").name()).isEqualTo("ops");
        // a wrong password for admin stays a plain 401, whatever it is
        assertThatThrownBy(() -> authenticator.login("admin", "admin2", "192.0.2.7"))
                .asInstanceOf(type(AuthenticationException.class))
                .extracting(AuthenticationException::reason).isEqualTo(Reason.BAD_CREDENTIALS);
    }
}
