package uk.nhs.safety.campaign.rest.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies within a size limit: a declared length over the limit is refused (413) before anything is
 * read, and an undeclared (chunked) body is read only until it passes the limit.
 */
public final class Bodies {

    private Bodies() {
    }

    /**
     * The body of a write that needs a given media type.
     *
     * @param mediaType the required type/subtype, e.g. {@code application/json}; {@code null} accepts any
     * @throws ProblemException 413 over the limit, 415 for another or a missing media type
     */
    public static byte[] read(ApiRequest request, String mediaType, long limit) throws IOException {
        refuseDeclaredOverLimit(request, limit);
        if (mediaType != null) {
            String given = MediaTypes.essence(request.header("Content-Type"));
            if (!mediaType.equals(given)) {
                throw new ProblemException(Problem.Kind.UNSUPPORTED_MEDIA_TYPE,
                        (given == null ? "no Content-Type was given" : "Content-Type " + given + " is not accepted")
                                + "; send " + mediaType);
            }
        }
        return readAtMost(request, limit);
    }

    private static void refuseDeclaredOverLimit(ApiRequest request, long limit) {
        if (request.contentLength() > limit) {
            throw tooLarge(limit);
        }
    }

    private static byte[] readAtMost(ApiRequest request, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = request.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.Kind.PAYLOAD_TOO_LARGE,
                "the body is larger than the limit of " + limit + " bytes");
    }
}
