package uk.nhs.safety.partner.nhsi.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

class NhsiCommandTest {

    @Test
    void everyViolationIsOneLineEvenWhenItsMessageHoldsSemicolons() {
        ValidationException e = new ValidationException(List.of(
                Violation.atLine(3, "category", "falls", "not a category; one of a, b"),
                Violation.of("file", null, "1 row(s) refused in all; nothing was imported")));

        assertThat(NhsiCommand.errorLine(e)).isEqualTo("Error: line 3, category 'falls': not a category; one of a, b\n"
                + "  file: 1 row(s) refused in all; nothing was imported");
    }
}
