package uk.nhs.safety.campaign.rest.internal.http;

/** Reading a cookie from a {@code Cookie} request header (RFC 6265 {@code name=value; name2=value2}). */
public final class Cookies {

    private Cookies() {
    }

    /** The value of the first cookie with this name, or {@code null}. */
    public static String value(String cookieHeader, String name) {
        if (cookieHeader == null || cookieHeader.isEmpty()) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equals(name)) {
                String value = p.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }
}
