package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.NotFoundException;

class RendererTest {

    private final Renderer renderer = new Renderer(new Json());

    private static Renderer.Exchange get(boolean anonymous, String ifNoneMatch, String acceptEncoding) {
        return new Renderer.Exchange("GET", anonymous, ifNoneMatch, acceptEncoding, 60);
    }

    private static byte[] bytesOf(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    @Test
    void compressesABodyOverOneKibWhenGzipIsAccepted() throws IOException {
        byte[] body = bytesOf(Gzip.THRESHOLD + 1);

        Renderer.Rendered out = renderer.render(ApiResponse.bytes(200, "text/plain", body),
                get(true, null, "br, gzip;q=0.8"));

        assertThat(out.header("Content-Encoding")).isEqualTo("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void sendsOneKibOrLessAsItIs() {
        byte[] body = bytesOf(Gzip.THRESHOLD);

        Renderer.Rendered out = renderer.render(ApiResponse.bytes(200, "text/plain", body), get(true, null, "gzip"));

        assertThat(out.header("Content-Encoding")).isNull();
        assertThat(out.body()).isEqualTo(body);
    }

    @Test
    void doesNotCompressForClientsThatDoNotAcceptGzip() {
        byte[] body = bytesOf(5000);

        assertThat(renderer.render(ApiResponse.bytes(200, "text/plain", body), get(true, null, null))
                .header("Content-Encoding")).isNull();
        assertThat(renderer.render(ApiResponse.bytes(200, "text/plain", body), get(true, null, "gzip;q=0"))
                .header("Content-Encoding")).isNull();
        assertThat(renderer.render(ApiResponse.bytes(200, "text/plain", body), get(true, null, "*"))
                .header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void answers304WithoutABodyWhenIfNoneMatchHitsTheETag() {
        ApiResponse response = ApiResponse.ok(java.util.Map.of("odsCode", "RGT")).etag("3");

        Renderer.Rendered out = renderer.render(response, get(false, "\"3\"", null));

        assertThat(out.status()).isEqualTo(304);
        assertThat(out.body()).isEmpty();
        assertThat(out.header("ETag")).isEqualTo("\"3\"");
        assertThat(out.header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void answers200WhenIfNoneMatchMisses() {
        ApiResponse response = ApiResponse.ok(java.util.Map.of("odsCode", "RGT")).etag("4");

        Renderer.Rendered out = renderer.render(response, get(false, "\"3\"", null));

        assertThat(out.status()).isEqualTo(200);
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("{\"odsCode\":\"RGT\"}");
        assertThat(out.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void letsSharedCachesKeepAnonymousReadsOnly() {
        assertThat(renderer.render(ApiResponse.ok("x"), get(true, null, null)).header("Cache-Control"))
                .isEqualTo("public, max-age=60");
        assertThat(renderer.render(ApiResponse.ok("x"), get(false, null, null)).header("Cache-Control"))
                .isEqualTo("private, no-cache");
        assertThat(renderer.render(ApiResponse.ok("x"), new Renderer.Exchange("GET", true, null, null, 300))
                .header("Cache-Control")).isEqualTo("public, max-age=300");
    }

    @Test
    void marksPlanVersionsImmutableAndWritesAndErrorsNoStore() {
        assertThat(renderer.render(ApiResponse.ok("x").caching(ApiResponse.Caching.IMMUTABLE),
                get(false, null, null)).header("Cache-Control")).isEqualTo("public, max-age=86400, immutable");
        assertThat(renderer.render(ApiResponse.created("x", null),
                new Renderer.Exchange("POST", false, null, null, 60)).header("Cache-Control")).isEqualTo("no-store");
        assertThat(renderer.render(ProblemMapper.toResponse(new NotFoundException("x"), "GET", "/api/v1/x"),
                get(true, null, null)).header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void putsTheSecurityHeadersAndVaryOnEveryResponseEvenErrors() {
        Renderer.Rendered out = renderer.render(
                ProblemMapper.toResponse(new NotFoundException("x"), "GET", "/api/v1/x"), get(true, null, null));

        assertThat(out.headers()).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("Vary", "Authorization, Cookie, Accept-Encoding")
                .containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void letsCoreHeadersWinOverAPartnersOwn() {
        ApiResponse partner = ApiResponse.bytes(200, "text/csv", new byte[] {'a'})
                .header("X-Frame-Options", "ALLOWALL").header("Content-Disposition", "attachment");

        Renderer.Rendered out = renderer.render(partner, get(false, null, null));

        assertThat(out.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(out.header("Content-Disposition")).isEqualTo("attachment");
    }

    // The first 16 bytes of SHA-256("hello"), base64url without padding, worked out with Python's hashlib:
    // base64.urlsafe_b64encode(hashlib.sha256(b"hello").digest()[:16]) -> LPJNul-wow4m6Dsqxbning
    private static final String HELLO_TAG = "\"LPJNul-wow4m6Dsqxbning\"";

    @Test
    void tagsEveryReadWithoutATagByTheHashOfItsBody() {
        ApiResponse response = ApiResponse.bytes(200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(renderer.render(response, get(true, null, null)).header("ETag")).isEqualTo(HELLO_TAG);
    }

    @Test
    void answers304ToTheHashTagOfAnAnonymousRead() {
        ApiResponse response = ApiResponse.bytes(200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        Renderer.Rendered out = renderer.render(response, get(true, "\"other\", " + HELLO_TAG, null));

        assertThat(out.status()).isEqualTo(304);
        assertThat(out.body()).isEmpty();
        assertThat(out.header("ETag")).isEqualTo(HELLO_TAG);
    }

    @Test
    void givesAGzippedBodyItsOwnTagAndMatchesEitherTagOfTheSameContent() {
        byte[] body = bytesOf(Gzip.THRESHOLD + 1);
        String identity = ETags.strongOf(body);
        String gzipped = identity.substring(0, identity.length() - 1) + "-gzip\"";

        Renderer.Rendered zipped = renderer.render(ApiResponse.bytes(200, "text/plain", body), get(true, null, "gzip"));
        Renderer.Rendered revalidated = renderer.render(ApiResponse.bytes(200, "text/plain", body),
                get(true, gzipped, null));

        assertThat(zipped.header("ETag")).isEqualTo(gzipped);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.header("ETag")).isEqualTo(identity);
    }

    @Test
    void leavesAHandlersVersionTagAsItIsWhenCompressing() {
        Renderer.Rendered out = renderer.render(ApiResponse.bytes(200, "text/plain", bytesOf(5000)).etag("7"),
                get(false, null, "gzip"));

        assertThat(out.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(out.header("ETag")).isEqualTo("\"7\"");
    }

    @Test
    void tagsNoErrorOrWrite() {
        assertThat(renderer.render(ApiResponse.problem(Problem.of(Problem.Kind.NOT_FOUND, "no", "/x")),
                get(true, null, null)).header("ETag")).isNull();
        assertThat(renderer.render(ApiResponse.bytes(200, "text/plain", bytesOf(3)),
                new Renderer.Exchange("POST", false, null, null, 60)).header("ETag")).isNull();
    }
}
