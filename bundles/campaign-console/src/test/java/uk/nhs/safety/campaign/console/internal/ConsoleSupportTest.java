package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.ValidationException;

class ConsoleSupportTest {

    @Test
    void readsMonthPeriodAsFirstOfTheMonth() {
        assertThat(ConsoleSupport.parsePeriod("2015-04")).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(ConsoleSupport.parsePeriod(" 2016-12 ")).isEqualTo(LocalDate.of(2016, 12, 1));
    }

    @Test
    void readsExactDayPeriod() {
        assertThat(ConsoleSupport.parsePeriod("2015-04-15")).isEqualTo(LocalDate.of(2015, 4, 15));
        assertThat(ConsoleSupport.parsePeriod("2016-02-29")).isEqualTo(LocalDate.of(2016, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-13", "2015-00", "2015-02-30", "2015-02-29", "2015-04-31"})
    void rejectsPeriodThatIsNoRealMonthOrDayNamingIt(String text) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> ConsoleSupport.parsePeriod(text));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("period");
            assertThat(v.value()).isEqualTo(text);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"April 2015", "2015/04", "15-04", "201504", "2015-4", "", "2015-04-01T00:00"})
    void rejectsPeriodOfAnotherShapeSayingWhatIsExpected(String text) {
        assertThatThrownBy(() -> ConsoleSupport.parsePeriod(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("period")
                .hasMessageContaining("expected yyyy-mm (first of the month) or yyyy-mm-dd");
    }

    @Test
    void rejectsDueDateGivenAsMonth() {
        assertThatThrownBy(() -> ConsoleSupport.parseDate("due", "2015-06"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("due '2015-06': expected a date as yyyy-mm-dd");
        assertThat(ConsoleSupport.parseDate("due", null)).isNull();
    }

    @Test
    void rejectsNumbersThatAreNotFinite() {
        assertThat(ConsoleSupport.parseNumber("value", "6.75")).isEqualTo(6.75);
        assertThat(ConsoleSupport.parseNumber("value", "-2")).isEqualTo(-2.0);
        assertThatThrownBy(() -> ConsoleSupport.parseNumber("value", "seven")).hasMessage("value 'seven': not a number");
        assertThatThrownBy(() -> ConsoleSupport.parseNumber("value", "NaN")).hasMessageContaining("finite");
        assertThatThrownBy(() -> ConsoleSupport.parseNumber("value", "Infinity")).hasMessageContaining("finite");
    }

    @Test
    void rejectsWholeNumberOutsideItsRangeNamingTheOption() {
        assertThat(ConsoleSupport.parseInt("limit", null, 50, 1, 1000)).isEqualTo(50);
        assertThat(ConsoleSupport.parseInt("limit", "1000", 50, 1, 1000)).isEqualTo(1000);
        assertThatThrownBy(() -> ConsoleSupport.parseInt("limit", "0", 50, 1, 1000))
                .hasMessage("limit '0': must be between 1 and 1000");
        assertThatThrownBy(() -> ConsoleSupport.parseInt("limit", "ten", 50, 1, 1000))
                .hasMessage("limit 'ten': not a whole number");
    }

    @Test
    void readsEnumIgnoringCaseAndSeparators() {
        assertThat(ConsoleSupport.parseEnum("status", "in-progress", ActionStatus.class)).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(ConsoleSupport.parseEnum("status", "In Progress", ActionStatus.class)).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(ConsoleSupport.parseEnum("status", null, ActionStatus.class)).isNull();
        assertThatThrownBy(() -> ConsoleSupport.parseEnum("status", "finished", ActionStatus.class))
                .hasMessage("status 'finished': one of planned, in_progress, done");
    }

    @Test
    void formatsNumbersWithoutNoiseDigits() {
        assertThat(ConsoleSupport.value(7.0)).isEqualTo("7");
        assertThat(ConsoleSupport.value(0.125)).isEqualTo("0.125");
        assertThat(ConsoleSupport.statistic(2.345)).isEqualTo("2.35");
        assertThat(ConsoleSupport.statistic(-1.005)).isEqualTo("-1.01");
        assertThat(ConsoleSupport.statistic(-0.001)).isEqualTo("0");
        assertThat(ConsoleSupport.statistic(1200)).isEqualTo("1200");
        assertThat(ConsoleSupport.value((Double) null)).isEmpty();
    }

    @Test
    void showsFirstOfMonthPeriodsAsTheMonth() {
        assertThat(ConsoleSupport.period(LocalDate.of(2015, 4, 1))).isEqualTo("2015-04");
        assertThat(ConsoleSupport.period(LocalDate.of(2015, 4, 6))).isEqualTo("2015-04-06");
    }
}
