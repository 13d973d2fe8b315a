package uk.nhs.safety.campaign.rest.internal.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The shipped administrator {@code admin}/{@code admin}: accepted from this machine's loopback address, refused from
 * any other. (The console applies the same rule in {@code campaign-auth}; the bundles share no internal code.)
 */
final class DefaultPassword {

    static final String USER = "admin";
    private static final char[] PASSWORD = {'a', 'd', 'm', 'i', 'n'};
    /** Only IP literals are parsed (never a DNS lookup); anything else counts as remote. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?");

    /** What the refused caller is told. */
    static final String HOW_TO_CHANGE = "user 'admin' still has the default password: logins from other machines"
            + " are refused until it is changed. On the server run bin/client, then: jaas:realm-manage --realm karaf"
            + " --module org.apache.karaf.jaas.modules.properties.PropertiesLoginModule; jaas:user-add admin"
            + " <new password>; jaas:update (or write the new password in plain text in etc/users.properties: it is"
            + " hashed within seconds)";

    private DefaultPassword() {
    }

    static boolean isDefault(String user, char[] password) {
        return USER.equals(user) && Arrays.equals(PASSWORD, password);
    }

    /** Whether the request's remote address is a loopback address. */
    static boolean isLoopback(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // not a valid literal after all: not loopback
            return false;
        }
    }
}
