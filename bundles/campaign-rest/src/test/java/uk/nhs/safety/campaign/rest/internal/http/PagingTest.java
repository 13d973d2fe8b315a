package uk.nhs.safety.campaign.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PagingTest {

    private static final String MEMBERS = "/api/v1/members";

    @Test
    void linksOnlyToTheNextPageFromTheFirst() {
        assertThat(Paging.linkHeader(MEMBERS, Map.of(), 0, 50, 120))
                .isEqualTo("</api/v1/members?offset=50&limit=50>; rel=\"next\"");
    }

    @Test
    void linksFirstPrevAndNextFromAMiddlePage() {
        assertThat(Paging.linkHeader(MEMBERS, Map.of(), 50, 50, 120)).isEqualTo(
                "</api/v1/members?offset=0&limit=50>; rel=\"first\", "
                        + "</api/v1/members?offset=0&limit=50>; rel=\"prev\", "
                        + "</api/v1/members?offset=100&limit=50>; rel=\"next\"");
    }

    @Test
    void hasNoNextOnTheLastPageAndClampsPrevAtZero() {
        assertThat(Paging.linkHeader(MEMBERS, Map.of(), 110, 50, 120)).isEqualTo(
                "</api/v1/members?offset=0&limit=50>; rel=\"first\", "
                        + "</api/v1/members?offset=60&limit=50>; rel=\"prev\"");
    }

    @Test
    void hasNoLinksWhenEverythingFitsOnOnePage() {
        assertThat(Paging.linkHeader(MEMBERS, Map.of(), 0, 50, 50)).isNull();
    }

    @Test
    void keepsTheFiltersEncodedAndReplacesOffsetAndLimit() {
        Map<String, List<String>> query = Map.of("type", List.of("acute"), "q", List.of("st thomas's & guy"),
                "offset", List.of("0"), "limit", List.of("10"));

        assertThat(Paging.linkHeader(MEMBERS, query, 0, 10, 11)).isEqualTo(
                "</api/v1/members?q=st%20thomas%27s%20%26%20guy&type=acute&offset=10&limit=10>; rel=\"next\"");
    }
}
