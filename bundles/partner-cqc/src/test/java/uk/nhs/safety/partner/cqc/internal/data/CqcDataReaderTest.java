package uk.nhs.safety.partner.cqc.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.Violation;

class CqcDataReaderTest {

    private final CqcDataReader reader = new CqcDataReader();
    private final List<Registration> read = new ArrayList<>();

    private void read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/cqc/" + resource)) {
            reader.read(in, read::add);
        }
    }

    private void readText(String json) throws IOException {
        reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), read::add);
    }

    @Test
    void readsASingleProviderWithItsKeyQuestionRatingsAndIgnoresFieldsItDoesNotUse() throws IOException {
        read("provider-rgt.json");

        assertThat(reader.violations()).isEmpty();
        Registration rgt = read.get(0);
        assertThat(List.of(rgt.cqcId(), rgt.kind(), rgt.providerId(), rgt.odsCode(), rgt.registrationStatus(),
                rgt.region(), rgt.postalCode(), rgt.overallRating()))
                .containsExactly("RGT", "provider", "RGT", "RGT", "Registered", "East", "CB2 0QQ", "Good");
        assertThat(rgt.overallDate()).isEqualTo(LocalDate.of(2021, 6, 24));
        assertThat(rgt.keyQuestions()).extracting(Registration.KeyQuestionRating::name)
                .containsExactly("Safe", "Effective", "Caring", "Responsive", "Well-led");
        assertThat(rgt.keyQuestions().get(0).rating()).isEqualTo("Requires improvement");
        assertThat(rgt.keyQuestions().get(2).rating()).isEqualTo("Outstanding");
    }

    @Test
    void readsEveryLocationOfAPagedList() throws IOException {
        read("locations-page.json");

        assertThat(reader.violations()).isEmpty();
        assertThat(reader.records()).isEqualTo(3);
        assertThat(read).extracting(Registration::cqcId).containsExactly("1-101", "1-102", "1-103");
        assertThat(read).extracting(Registration::providerId).containsExactly("RGT", "1-999", "RJZ");
        assertThat(read).extracting(Registration::kind).containsOnly("location");
    }

    @Test
    void anArrayOfRecordsIsReadToo() throws IOException {
        readText("[{\"providerId\":\"RGT\",\"name\":\"A\",\"odsCode\":\"rgt\"},"
                + "{\"providerId\":\"RJZ\",\"name\":\"B\",\"odsCode\":\"RJZ\"}]");

        assertThat(read).extracting(Registration::odsCode).containsExactly("RGT", "RJZ");
    }

    @Test
    void missingRequiredFieldsAreNamedWithTheRecordsPath() throws IOException {
        readText("{\"locations\":[{\"locationId\":\"1-1\",\"providerId\":\"RGT\",\"name\":\"ok\",\"odsCode\":\"RGT01\"},"
                + "{\"locationId\":\"1-2\",\"name\":\"no provider\",\"odsCode\":\"RGT02\"},"
                + "{\"providerId\":\"RGT\",\"odsCode\":\"RGT\"},"
                + "{\"providerId\":\"RJZ\",\"name\":\"no ods\"}]}");

        assertThat(read).extracting(Registration::cqcId).containsExactly("1-1");
        assertThat(reader.violations()).extracting(Violation::field).containsExactly("locations[1].providerId",
                "locations[2].name", "locations[3].odsCode");
    }

    @Test
    void valuesLongerThanTheirColumnsAreRefusedNamingTheField() throws IOException {
        // Columns (V1__registrations_and_mappings.sql): ids 20, name 300, type and region 100, postcode 10.
        readText("[{\"providerId\":\"1-" + "9".repeat(19) + "\",\"name\":\"" + "n".repeat(301)
                + "\",\"odsCode\":\"RGT\",\"type\":\"" + "t".repeat(101) + "\",\"region\":\"" + "r".repeat(101)
                + "\",\"postalCode\":\"CB2 0QQ CB2 0QQ\"},"
                + "{\"locationId\":\"1-1\",\"providerId\":\"1-" + "9".repeat(19) + "\",\"locationName\":\"ok\","
                + "\"odsCode\":\"RGT01\"},"
                + "{\"providerId\":\"1-" + "9".repeat(18) + "\",\"name\":\"" + "n".repeat(300)
                + "\",\"odsCode\":\"RGT\",\"postalCode\":\"CB2 0QQ\"}]");

        assertThat(reader.violations()).extracting(Violation::field).containsExactly("[0].providerId", "[0].name",
                "[0].type", "[0].region", "[0].postalCode", "[1].providerId");
        assertThat(reader.violations().get(1).message()).isEqualTo("at most 300 characters (301 given)");
        assertThat(read).extracting(Registration::cqcId).containsExactly("1-" + "9".repeat(18));
    }

    @Test
    void aRatingCqcDoesNotUseIsRefusedNamingFieldAndValue() throws IOException {
        readText("{\"providerId\":\"RGT\",\"name\":\"A\",\"odsCode\":\"RGT\",\"currentRatings\":{\"overall\":"
                + "{\"rating\":\"Good\",\"keyQuestionRatings\":[{\"name\":\"Safe\",\"rating\":\"Grate\"},"
                + "{\"name\":\"Well led\",\"rating\":\"Good\"}]}}}");

        assertThat(read).isEmpty();
        assertThat(reader.violations()).extracting(Violation::field, Violation::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("currentRatings.overall.keyQuestionRatings[0].rating", "Grate"),
                org.assertj.core.groups.Tuple.tuple("currentRatings.overall.keyQuestionRatings[0].rating", null),
                org.assertj.core.groups.Tuple.tuple("currentRatings.overall.keyQuestionRatings[1].name", "Well led"));
    }

    @Test
    void brokenJsonIsOneViolationWithItsLine() throws IOException {
        readText("{\n\"providerId\": \"RGT\",\n\"name\": }");

        assertThat(reader.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.message()).startsWith("not valid JSON");
        });
    }
}
