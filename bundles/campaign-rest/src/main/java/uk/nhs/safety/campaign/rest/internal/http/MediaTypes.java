package uk.nhs.safety.campaign.rest.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Media types the API speaks, and matching of a request's {@code Content-Type}. */
public final class MediaTypes {

    public static final String JSON = "application/json";
    public static final String JSON_UTF8 = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String CSV = "text/csv";

    private MediaTypes() {
    }

    /** The type/subtype of a Content-Type header, lower case, without parameters; {@code null} when absent. */
    public static String essence(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of a Content-Type, or UTF-8 when none is given. */
    public static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = p.substring("charset=".length()).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw new ProblemException(Problem.Kind.UNSUPPORTED_MEDIA_TYPE,
                                "unsupported charset '" + name + "'; send UTF-8");
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
