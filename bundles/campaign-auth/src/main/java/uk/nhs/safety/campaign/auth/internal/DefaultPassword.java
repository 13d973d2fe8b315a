package uk.nhs.safety.campaign.auth.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The shipped administrator {@code admin}/{@code admin}: fine on the operator's own machine, refused from any other.
 * (The HTTP API applies the same rule in {@code campaign-rest}; the two bundles share no internal code.)
 */
final class DefaultPassword {

    static final String USER = "admin";
    static final String PASSWORD = "admin";

    /** What a refused or warned operator is told. */
    static final String HOW_TO_CHANGE = "user 'admin' still has the default password: logins from other machines"
            + " are refused until it is changed. On this machine run bin/client (or ssh to 127.0.0.1), then:"
            + " jaas:realm-manage --realm karaf --module org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;"
            + " jaas:user-add admin <new password>; jaas:update"
            + " (or write the new password in plain text in etc/users.properties: it is hashed within seconds)";

    private DefaultPassword() {
    }

    static boolean isDefault(String user, String password) {
        return USER.equals(user) && PASSWORD.equals(password);
    }

    /** Whether a client's address is this machine's loopback; unknown addresses are not. */
    static boolean isLoopback(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress ip = inet.getAddress();
            return ip != null && ip.isLoopbackAddress();
        }
        return false;
    }
}
