package uk.nhs.safety.partner.support.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

class ConsoleErrorsTest {

    @Test
    void aSingleProblemIsOneLineWithTheFirstLineOfItsMessage() {
        assertThat(ConsoleErrors.lines(new NotFoundException("no member with ODS code 'RXX'\nat line 2")))
                .containsExactly("Error: no member with ODS code 'RXX'");
    }

    @Test
    void severalProblemsAreAHeadingAndOneLineEachEvenWhenAProblemHoldsSemicolons() {
        ValidationException e = new ValidationException(List.of(
                Violation.atLine(3, "category", "falls", "not a category; one of a, b"),
                Violation.of("file", null, "1 row(s) refused in all; nothing was imported")));

        assertThat(ConsoleErrors.lines(e)).containsExactly(
                "Error: 2 problems, nothing was changed:",
                "  - line 3, category 'falls': not a category; one of a, b",
                "  - file: 1 row(s) refused in all; nothing was imported");
    }

    @Test
    void aFileProblemSaysWhichFileAndWhy() {
        assertThat(ConsoleErrors.line(new NoSuchFileException("/tmp/nowhere/etr.csv")))
                .isEqualTo("Error: no such file: /tmp/nowhere/etr.csv");
        assertThat(ConsoleErrors.line(new AccessDeniedException("/root/x.csv")))
                .isEqualTo("Error: not allowed to read or write /root/x.csv");
        assertThat(ConsoleErrors.line(new IOException("disk full\nmore")))
                .isEqualTo("Error: cannot read or write the file: disk full");
    }
}
