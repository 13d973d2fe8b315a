package uk.nhs.safety.campaign.model.internal.ods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;

class OdsExtractParserTest {

    /** The real extract, beside the repository (module dir is repo/bundles/campaign-model). */
    static final Path REAL_FILE = Path.of("../../../shared/data/ods/etr.csv");

    private final OdsExtractParser parser = new OdsExtractParser();

    private static List<String> realLines() throws IOException {
        return Files.readAllLines(REAL_FILE, StandardCharsets.UTF_8);
    }

    private List<OdsRecord> parseReal() throws IOException {
        try (Reader in = Files.newBufferedReader(REAL_FILE, StandardCharsets.UTF_8)) {
            return parser.parse(in, "etr.csv");
        }
    }

    /** A valid 24-column row with the given values in columns 1, 2, 11, 12 and 24. */
    private static String row(String code, String name, String open, String close, String region) {
        return code + "," + name + ",Y55,Q76,\"1 HIGH STREET, UNIT 2\",,,TOWN,COUNTY,AB1 2CD," + open + "," + close
                + ",,,,,,,,,,0,," + region;
    }

    private ValidationException rejection(String text) {
        return catchThrowableOfType(ValidationException.class, () -> parser.parse(new StringReader(text), "t.csv"));
    }

    @Test
    void readsEveryRowOfTheRealExtract() throws IOException {
        List<OdsRecord> records = parseReal();

        assertThat(records).hasSize(realLines().size());
        assertThat(records).extracting(OdsRecord::line).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, realLines().size()).boxed().toList());
        assertThat(records).extracting(OdsRecord::odsCode).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[RT][A-Z0-9]{2}"));
    }

    @Test
    void givesClosedTrustsTheirCloseDates() throws IOException {
        // Rows with an 8-digit open date followed by an 8-digit close date, counted straight from the text.
        Pattern closedRow = Pattern.compile("^([^,]+),.*,\\d{8},(\\d{8}),.*$");
        Map<String, LocalDate> expected = realLines().stream().map(closedRow::matcher).filter(m -> m.matches())
                .collect(Collectors.toMap(m -> m.group(1), m -> LocalDate.parse(m.group(2),
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));

        Map<String, LocalDate> closed = parseReal().stream().filter(r -> r.closeDate() != null)
                .collect(Collectors.toMap(OdsRecord::odsCode, OdsRecord::closeDate));

        assertThat(expected).isNotEmpty();
        assertThat(closed).isEqualTo(expected);
        assertThat(closed).containsEntry("RFW", LocalDate.of(2015, 8, 31));
    }

    @Test
    void classifiesEveryAmbulanceServiceAsAmbulance() throws IOException {
        Set<String> ambulanceCodes = realLines().stream().filter(l -> l.contains("AMBULANCE SERVICE"))
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());

        Set<String> classified = parseReal().stream().filter(r -> r.type() == OrganisationType.AMBULANCE)
                .map(OdsRecord::odsCode).collect(Collectors.toSet());

        // Ten English services and the Welsh one.
        assertThat(ambulanceCodes).hasSize(11).contains("RRU", "RT4", "RYF");
        assertThat(classified).isEqualTo(ambulanceCodes);
    }

    @Test
    void readsCambridgeUniversityHospitalsAsAcuteInEastOfEngland() throws IOException {
        OdsRecord rgt = parseReal().stream().filter(r -> r.odsCode().equals("RGT")).findFirst().orElseThrow();

        assertThat(rgt.name()).isEqualTo("CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST");
        assertThat(rgt.type()).isEqualTo(OrganisationType.ACUTE);
        assertThat(rgt.region()).isEqualTo("East of England");
        assertThat(rgt.postcode()).isEqualTo("CB2 0QQ");
        assertThat(rgt.openDate()).isEqualTo(LocalDate.of(1993, 4, 1));
        assertThat(rgt.closeDate()).isNull();
    }

    @Test
    void readsTheSparseLastRowsWithCodeNamePostcodeOnly() throws IOException {
        List<OdsRecord> records = parseReal();
        List<OdsRecord> lastTwo = records.subList(records.size() - 2, records.size());

        assertThat(lastTwo).extracting(OdsRecord::odsCode, OdsRecord::postcode, OdsRecord::region,
                OdsRecord::openDate, OdsRecord::closeDate).containsExactly(
                tuple("R0A", "M13 9WL", null, null, null),
                tuple("R0B", "SR4 7TP", null, null, null));
        assertThat(lastTwo).allSatisfy(r -> assertThat(r.name()).isNotBlank());
    }

    @Test
    void keepsQuotedCommasInsideAField() {
        List<OdsRecord> records = parser.parse(new StringReader(
                "R1E,\"STAFFORDSHIRE, STOKE\",Y55,Q76,\"2ND FLOOR, MORSTON HOUSE\",,,N,S,ST5 1QG,20110901,,,,,,,,,,,0,,E\n"),
                "t.csv");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("STAFFORDSHIRE, STOKE");
            assertThat(r.postcode()).isEqualTo("ST5 1QG");
            assertThat(r.region()).isEqualTo("East Midlands");
        });
    }

    @Test
    void countsLinesOfANameWithANewlineSoLaterLinesAreRight() {
        String text = "RAA,\"FIRST\nTRUST\",Y,Q,A,,,T,C,P1,20000101,,,,,,,,,,,0,,A\n"
                + "RBB,SECOND TRUST,Y,Q,A,,,T,C,P2,20000101,,,,,,,,,,,0,,B\n"
                + "\n"
                + "bad,THIRD TRUST,Y,Q,A,,,T,C,P3,20000101,,,,,,,,,,,0,,B\n";

        ValidationException e = rejection(text);

        assertThat(e.violations()).extracting(Violation::line, Violation::field, Violation::value)
                .containsExactly(tuple(5, "code", "bad"));
        assertThat(parser.parse(new StringReader(text.substring(0, text.indexOf("\n\n") + 1)), "t.csv"))
                .extracting(OdsRecord::name, OdsRecord::line)
                .containsExactly(tuple("FIRST\nTRUST", 1), tuple("SECOND TRUST", 3));
    }

    @Test
    void trimsAndUpperCasesCodes() {
        List<OdsRecord> records = parser.parse(new StringReader(row(" rgt ", "X TRUST", "19930401", "", "G")), "t");

        assertThat(records).extracting(OdsRecord::odsCode).containsExactly("RGT");
    }

    @Test
    void treatsOldRegionCAsNorthWest() {
        List<OdsRecord> records = parser.parse(new StringReader(row("RQ6", "X TRUST", "19950401", "", "C")), "t");

        assertThat(records).extracting(OdsRecord::region).containsExactly("North West");
    }

    @Test
    void rejectsACodeThatIsNotATrustCode() {
        for (String bad : List.of("A81001", "00L", "R", "RGT01", "QAB", "R-1")) {
            ValidationException e = rejection(row("RAA", "OK", "20000101", "", "A") + "\n"
                    + row(bad, "X TRUST", "20000101", "", "A"));

            assertThat(e.violations()).as(bad).extracting(Violation::line, Violation::field, Violation::value)
                    .containsExactly(tuple(2, "code", bad));
        }
    }

    @Test
    void rejectsAnEmptyName() {
        ValidationException e = rejection(row("RAA", "  ", "20000101", "", "A"));

        assertThat(e.violations()).extracting(Violation::line, Violation::field).containsExactly(tuple(1, "name"));
    }

    @Test
    void rejectsDatesThatAreNotRealDays() {
        ValidationException e = rejection(String.join("\n",
                row("RAA", "A", "20150230", "", "A"),
                row("RBB", "B", "2015-04-01", "", "A"),
                row("RCC", "C", "20150401", "20151301", "A")));

        assertThat(e.violations()).extracting(Violation::line, Violation::field, Violation::value).containsExactly(
                tuple(1, "open date", "20150230"),
                tuple(2, "open date", "2015-04-01"),
                tuple(3, "close date", "20151301"));
    }

    @Test
    void rejectsACloseDateBeforeTheOpenDate() {
        ValidationException e = rejection(row("RAA", "A", "20150401", "20150331", "A"));

        assertThat(e.violations()).extracting(Violation::line, Violation::field, Violation::value)
                .containsExactly(tuple(1, "close date", "20150331"));
    }

    @Test
    void acceptsACloseDateOnTheOpenDate() {
        List<OdsRecord> records = parser.parse(new StringReader(row("RAA", "A", "20150401", "20150401", "A")), "t");

        assertThat(records).extracting(OdsRecord::closeDate).containsExactly(LocalDate.of(2015, 4, 1));
    }

    @Test
    void rejectsAnUnknownRegionLetter() {
        ValidationException e = rejection(row("RAA", "A", "20150401", "", "Z"));

        assertThat(e.violations()).extracting(Violation::line, Violation::field, Violation::value)
                .containsExactly(tuple(1, "region", "Z"));
    }

    @Test
    void rejectsARowWithFewerThanTenColumns() {
        ValidationException e = rejection(row("RAA", "A", "20150401", "", "A") + "\nRBB,B,Y,Q,A,,,T,C\n");

        assertThat(e.violations()).extracting(Violation::line, Violation::field, Violation::value)
                .containsExactly(tuple(2, "columns", "9"));
    }

    @Test
    void rejectsTheSameCodeTwice() {
        ValidationException e = rejection(String.join("\n",
                row("RAA", "A", "20150401", "", "A"),
                row("RBB", "B", "20150401", "", "A"),
                row("raa", "A AGAIN", "20150401", "", "A")));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.field()).isEqualTo("code");
            assertThat(v.value()).isEqualTo("RAA");
            assertThat(v.message()).contains("line 1");
        });
    }

    @Test
    void rejectsAnEmptyFile() {
        for (String empty : List.of("", "\n\n")) {
            ValidationException e = rejection(empty);

            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("file");
                assertThat(v.value()).isEqualTo("t.csv");
            });
        }
    }

    @Test
    void rejectsUnclosedQuotesAsBadInput() {
        assertThatThrownBy(() -> parser.parse(new StringReader(row("RAA", "\"A", "20150401", "", "A")), "t.csv"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("t.csv");
    }

    @Test
    void reportsEveryProblemInTheFileAtOnce() {
        ValidationException e = rejection(String.join("\n",
                row("RAA", "GOOD", "20150401", "", "A"),
                row("X1", "", "20150401", "", "A"),
                row("RCC", "C", "20150401", "20140101", "Q"),
                "RDD,D",
                row("RAA", "DUPLICATE", "20150401", "", "A")));

        assertThat(e.violations()).extracting(Violation::line, Violation::field).containsExactly(
                tuple(2, "code"), tuple(2, "name"), tuple(3, "close date"), tuple(3, "region"), tuple(4, "columns"),
                tuple(5, "code"));
    }
}
