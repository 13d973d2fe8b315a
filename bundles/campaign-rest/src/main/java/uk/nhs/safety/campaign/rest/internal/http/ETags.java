package uk.nhs.safety.campaign.rest.internal.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags and the conditional-request decisions of the API: {@code ETag: "<version>"} on mutable resources,
 * {@code If-Match} required on updates (missing → 428, unreadable → 400; a stale one is found by the service → 412),
 * {@code If-None-Match} → 304 on reads.
 */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^\"?([0-9]{1,18})\"?$");

    private ETags() {
    }

    /** The header value for a tag: the tag in double quotes. */
    public static String quote(String tag) {
        return '"' + tag + '"';
    }

    /** The suffix a tag gets when the body is sent gzip-encoded (a strong tag names one exact byte sequence). */
    public static final String GZIP_SUFFIX = "-gzip";

    /**
     * A strong ETag computed from the body's bytes (the first 128 bits of its SHA-256, base64url), quoted: equal
     * bodies get equal tags on every node and across restarts.
     */
    public static String strongOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return quote(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** The tag of the gzip-encoded body: the identity body's tag with {@value #GZIP_SUFFIX} inside the quotes. */
    public static String gzipped(String etag) {
        return etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + '"' : etag + GZIP_SUFFIX;
    }

    /** The ETag of a mutable resource at a lock version. */
    public static String ofVersion(long version) {
        return quote(Long.toString(version));
    }

    /**
     * The lock version an update names in {@code If-Match}.
     *
     * @throws ProblemException 428 when the header is missing or {@code *}; 400 when it is not one version tag
     */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.Kind.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of the version you edited (read the resource first)");
        }
        String value = ifMatch.trim();
        if ("*".equals(value)) {
            throw new ProblemException(Problem.Kind.PRECONDITION_REQUIRED,
                    "If-Match: * does not say which version you edited; send the ETag you read");
        }
        Matcher m = VERSION.matcher(value);
        if (!m.matches()) {
            throw ProblemException.field(Problem.Kind.VALIDATION, "If-Match", value,
                    "must be one entity tag as sent in ETag, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    /** How a plan write is conditioned: create ({@code If-None-Match: *}) or update ({@code If-Match}). */
    public record PlanWrite(boolean create, Long expectedVersion) {
    }

    /**
     * The precondition of a whole-plan PUT.
     *
     * @throws ProblemException 428 when neither header is given, 400 when both are or a header is unreadable
     */
    public static PlanWrite planWrite(String ifMatch, String ifNoneMatch) {
        boolean noneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
        boolean match = ifMatch != null && !ifMatch.isBlank();
        if (noneMatch && match) {
            throw ProblemException.field(Problem.Kind.VALIDATION, "If-None-Match", ifNoneMatch,
                    "send If-None-Match: * to create the plan or If-Match to update it, not both");
        }
        if (noneMatch) {
            if (!"*".equals(ifNoneMatch.trim())) {
                throw ProblemException.field(Problem.Kind.VALIDATION, "If-None-Match", ifNoneMatch,
                        "only * is accepted here (create the plan when there is none)");
            }
            return new PlanWrite(true, null);
        }
        if (!match) {
            throw new ProblemException(Problem.Kind.PRECONDITION_REQUIRED,
                    "send If-None-Match: * to create the member's first plan, or If-Match with the plan's ETag to"
                            + " update it");
        }
        return new PlanWrite(false, requiredVersion(ifMatch));
    }

    /**
     * Whether a read's {@code If-None-Match} matches the response's ETag (weak comparison, as RFC 9110 asks for
     * If-None-Match), so that the answer is 304. A tag sent back with the gzip suffix matches the identity body's tag:
     * it names the same content, and the 304 carries the tag of the encoding this request gets.
     */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String mine = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if ("*".equals(c) || opaque(c).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        t = t.startsWith("W/") ? t.substring(2) : t;
        String gzip = GZIP_SUFFIX + '"';
        return t.endsWith(gzip) ? t.substring(0, t.length() - gzip.length()) + '"' : t;
    }
}
