package uk.nhs.safety.campaign.rest.internal.http;

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
     * If-None-Match), so that the answer is 304.
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
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
