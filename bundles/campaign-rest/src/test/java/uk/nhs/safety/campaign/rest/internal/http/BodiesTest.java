package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        FakeRequest request = FakeRequest.of("POST", "/members").body("application/json", "{}")
                .declaredLength(1025);

        assertThatThrownBy(() -> Bodies.read(request, MediaTypes.JSON, 1024))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problem.Kind.PAYLOAD_TOO_LARGE));
        assertThat(request.bodyRead()).isFalse();
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimit() {
        FakeRequest request = FakeRequest.of("POST", "/members").chunked("application/json", new byte[20_000]);

        assertThatThrownBy(() -> Bodies.read(request, MediaTypes.JSON, 10_000))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problem.Kind.PAYLOAD_TOO_LARGE));
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws IOException {
        FakeRequest request = FakeRequest.of("POST", "/members").chunked("application/json", new byte[1024]);

        assertThat(Bodies.read(request, MediaTypes.JSON, 1024)).hasSize(1024);
    }

    @Test
    void refusesAnotherOrAMissingMediaTypeWith415() {
        FakeRequest xml = FakeRequest.of("POST", "/members").body("application/xml", "<a/>");
        FakeRequest none = FakeRequest.of("POST", "/members");

        assertThatThrownBy(() -> Bodies.read(xml, MediaTypes.JSON, 1024))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA_TYPE));
        assertThatThrownBy(() -> Bodies.read(none, MediaTypes.JSON, 1024))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void acceptsTheMediaTypeWithParametersInAnyCase() throws IOException {
        FakeRequest request = FakeRequest.of("POST", "/members").body("Application/JSON; charset=UTF-8", "{}");

        assertThat(Bodies.read(request, MediaTypes.JSON, 1024)).hasSize(2);
    }
}
