package uk.nhs.safety.campaign.rest.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Response compression: gzip when the client accepts it and the body is over 1 KiB. */
public final class Gzip {

    /** Bodies of this many bytes or fewer are sent as they are: compressing them gains nothing. */
    public static final int THRESHOLD = 1024;

    private Gzip() {
    }

    /** Whether to compress a body of {@code length} bytes for a client that sent this {@code Accept-Encoding}. */
    public static boolean wanted(String acceptEncoding, int length) {
        return length > THRESHOLD && accepts(acceptEncoding);
    }

    /** Whether {@code Accept-Encoding} accepts gzip (listed, or {@code *}, with a q-value other than 0). */
    static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean star = false;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    refused = zero(p.substring(2));
                }
            }
            if ("gzip".equals(coding) || "x-gzip".equals(coding)) {
                return !refused;
            }
            if ("*".equals(coding)) {
                star = !refused;
            }
        }
        return star;
    }

    private static boolean zero(String q) {
        try {
            return Double.parseDouble(q.trim()) == 0.0;
        } catch (NumberFormatException e) {
            // An unreadable q-value is ignored, as if absent (RFC 9110 asks for robustness here).
            return false;
        }
    }

    public static byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress in memory", e);
        }
        return out.toByteArray();
    }
}
