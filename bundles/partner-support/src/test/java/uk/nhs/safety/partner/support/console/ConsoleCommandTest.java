package uk.nhs.safety.partner.support.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

class ConsoleCommandTest {

    /** A command that fails with the given exception, or prints "done". */
    private static ConsoleCommand failingWith(Exception failure) {
        return new ConsoleCommand() {
            @Override
            protected void run() throws java.io.IOException {
                if (failure instanceof java.io.IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException r) {
                    throw r;
                }
            }
        };
    }

    @Test
    void anExpectedFailureIsACommandExceptionKarafPrintsAsItIsAndTurnsIntoExitStatusOne() {
        // Karaf's ShellUtil.logException prints a CommandException's getNiceHelp() unstyled, logs it at debug only,
        // and the ssh exec channel (bin/client with a command or -b) ends with exit status 1.
        assertThatThrownBy(() -> failingWith(new NotFoundException("no member with ODS code 'XYZ'")).execute())
                .isExactlyInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp())
                        .isEqualTo("Error: no member with ODS code 'XYZ'"));
    }

    @Test
    void severalProblemsAreOneLineEachInTheReport() {
        ValidationException refused = new ValidationException(List.of(
                Violation.atLine(3, "category", "falls", "not a category"),
                Violation.atLine(4, "count", "-1", "must be 0 or more")));

        assertThatThrownBy(() -> failingWith(refused).execute())
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp()).isEqualTo(
                        "Error: 2 problems, nothing was changed:\n"
                                + "  - line 3, category 'falls': not a category\n"
                                + "  - line 4, count '-1': must be 0 or more"));
    }

    @Test
    void aFileThatCannotBeReadIsReportedTheSameWay() {
        assertThatThrownBy(() -> failingWith(new NoSuchFileException("/tmp/nowhere.csv")).execute())
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp())
                        .isEqualTo("Error: no such file: /tmp/nowhere.csv"));
    }

    @Test
    void aBugIsLeftToKaraf() {
        assertThatThrownBy(() -> failingWith(new IllegalStateException("bug")).execute())
                .isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSuccessReturnsNothing() throws Exception {
        assertThat(failingWith(null).execute()).isNull();
    }

    @Test
    void theActorIsTheSessionUserOrKarafWithoutOne() {
        assertThat(ConsoleCommand.actor("alice")).isEqualTo("alice");
        assertThat(ConsoleCommand.actor(" bob ")).isEqualTo("bob");
        assertThat(ConsoleCommand.actor(null)).isEqualTo("karaf");
        assertThat(ConsoleCommand.actor("  ")).isEqualTo("karaf");
        assertThat(failingWith(null).actor()).as("no session at all").isEqualTo("karaf");
    }
}
