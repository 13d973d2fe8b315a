package uk.nhs.safety.campaign.api.csv;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

class CsvHeaderTest {

    @Test
    void acceptsAHeaderWhoseColumnsAllHaveNames() {
        assertThatCode(() -> CsvHeader.requireNames(List.of("ods_code", "month"))).doesNotThrowAnyException();
    }

    @Test
    void refusesEachUnnamedColumnAtLineOneByItsPosition() {
        assertThatThrownBy(() -> CsvHeader.requireNames(Arrays.asList("ods_code", "", " ", "month", null, "\uFEFF")))
                .isInstanceOfSatisfying(ValidationException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.violations()).extracting(Violation::line, Violation::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "column 2"),
                                org.assertj.core.groups.Tuple.tuple(1, "column 3"),
                                org.assertj.core.groups.Tuple.tuple(1, "column 5"),
                                org.assertj.core.groups.Tuple.tuple(1, "column 6")));
    }
}
