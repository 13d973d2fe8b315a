package uk.nhs.safety.partner.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import uk.nhs.safety.campaign.api.ValidationException;

class PartnerJsonTest {

    enum Colour { DARK_RED }

    record Sample(String name, int count, Colour colour, LocalDate day) {
    }

    private final PartnerJson json = PartnerJson.leavingOutNulls();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatItWritesWithIsoDatesAndLowerCaseEnums() {
        Sample s = new Sample("a", 3, Colour.DARK_RED, LocalDate.of(2015, 4, 1));

        String text = json.write(s);

        assertThat(text).contains("\"colour\" : \"dark_red\"").contains("\"day\" : \"2015-04-01\"");
        assertThat(json.readBody(bytes(text), Sample.class)).isEqualTo(s);
    }

    @Test
    void refusesTextWhereANumberBelongsAsCoreDoes() {
        assertThatThrownBy(() -> json.readBody(bytes("{\"name\":\"a\",\"count\":\"72\"}"), Sample.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("count");
    }

    @Test
    void refusesANumberWhereTextBelongs() {
        assertThatThrownBy(() -> json.readBody(bytes("{\"name\":72,\"count\":1}"), Sample.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
    }

    @Test
    void refusesDuplicateKeysInRecordsAndTrees() {
        assertThatThrownBy(() -> json.readBody(bytes("{\"name\":\"a\",\"name\":\"b\",\"count\":1}"), Sample.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> json.readTree(bytes("{\"ods\":\"RGT\",\"ods\":\"RXX\"}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Duplicate field 'ods'");
    }

    @Test
    void refusesUnknownFieldsNamingThem() {
        assertThatThrownBy(() -> json.readBody(bytes("{\"name\":\"a\",\"count\":1,\"cuont\":2}"), Sample.class))
                .isInstanceOf(ValidationException.class).hasMessage("cuont: unknown field");
    }

    @Test
    void refusesTrailingContentInAFile() {
        assertThatThrownBy(() -> json.read(new ByteArrayInputStream(bytes("{\"name\":\"a\",\"count\":1} {}")),
                Sample.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void writesNullsOnlyWhenAskedTo() {
        Sample s = new Sample(null, 1, null, null);

        assertThat(json.write(s)).doesNotContain("null");
        assertThat(PartnerJson.writingNulls().write(s)).contains("\"name\" : null");
    }
}
