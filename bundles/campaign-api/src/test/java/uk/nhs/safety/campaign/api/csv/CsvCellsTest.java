package uk.nhs.safety.campaign.api.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    /** OWASP "CSV Injection" payloads: each must come out with one leading single quote and otherwise unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "=HYPERLINK(\"http://x\")",
        "\tcmd", "\r=1+1", "-", "+", "@", "=", "-12.5abc", "+44 20 7946 0000", "-1e", "+-1"})
    void prefixesFormulaTextWithASingleQuote(String payload) {
        assertThat(CsvCells.neutralise(payload)).isEqualTo("'" + payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.5", "+44", "0", "12", "-0.5", ".5", "-.5", "1e-3", "-2E+10", "3."})
    void leavesTextThatIsExactlyANumberAsItIs(String number) {
        assertThat(CsvCells.neutralise(number)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "RGT", "2014-15", "a=b", "x-1", " =1", "'=1", "Harm: -3"})
    void leavesTextThatDoesNotStartAFormulaAsItIs(String text) {
        assertThat(CsvCells.neutralise(text)).isEqualTo(text);
    }

    @Test
    void keepsNullAndEmptyCells() {
        assertThat(CsvCells.neutralise(null)).isNull();
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.cell(null)).isNull();
    }

    @Test
    void writesNumbersUnchangedAndNeutralisesText() {
        Object[] row = CsvCells.row(-12.5, 44, new BigDecimal("-0.10"), "=1+1", "-2+3", "ok");
        assertThat(Arrays.asList(row)).containsExactly(-12.5, 44, new BigDecimal("-0.10"), "'=1+1", "'-2+3", "ok");
        assertThat(CsvCells.row(List.of("@SUM(1+1)", 7L))).containsExactly("'@SUM(1+1)", 7L);
    }

    @Test
    void turnsOtherValuesIntoText() {
        assertThat(CsvCells.cell(Boolean.TRUE)).isEqualTo("true");
        assertThat(CsvCells.cell(java.time.YearMonth.of(2014, 3))).isEqualTo("2014-03");
    }
}
