package uk.nhs.safety.partner.cqc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;

class EvidenceCsvTest {

    private final EvidencePack pack = Packs.pack();
    private final String csv = EvidenceCsv.write(pack);

    private List<CSVRecord> records() throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void startsWithTheHeaderRow() {
        assertThat(csv.lines().findFirst()).contains("Key question,Statement id,Statement,Evidence category,"
                + "Item kind,Item key,Text,Status / latest value,Variation,Assurance,Current CQC rating,Source");
    }

    @Test
    void writesOneRowPerItemPerGapAndPerUnmappedItem() throws IOException {
        List<CSVRecord> rows = records().subList(1, records().size());
        int items = pack.keyQuestions().stream().flatMap(k -> k.statements().stream())
                .mapToInt(s -> s.items().size()).sum();

        assertThat(rows).hasSize(items + pack.gaps().size() + pack.unmapped().size()).hasSize(5);
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(EvidenceCsv.HEADER.size()));
        assertThat(rows).filteredOn(r -> r.get(4).equals("gap")).singleElement()
                .satisfies(r -> assertThat(List.of(r.get(0), r.get(1))).containsExactly("Safe",
                        "safe.infection-prevention-and-control"));
        assertThat(rows).filteredOn(r -> r.get(5).equals("P1")).singleElement()
                .satisfies(r -> assertThat(r.get(0)).isEmpty());
    }

    @Test
    void quotesCommasQuotesAndNewlinesSoTheyReadBackIntact() throws IOException {
        List<CSVRecord> rows = records();

        assertThat(csv).contains("\"Falls bundle, \"\"lying and standing\"\" BP\"");
        assertThat(csv).contains("\"Line one\nline two\"");
        assertThat(rows).extracting(r -> r.get(6)).contains(Packs.COMMA_TEXT, Packs.NEWLINE_TEXT, Packs.SCRIPT_TEXT);
    }

    @Test
    void saysTheStatusOrLatestValueAndTheSpcIconsInWords() throws IOException {
        CSVRecord action = records().stream().filter(r -> r.get(5).equals("1")).findFirst().orElseThrow();
        CSVRecord measure = records().stream().filter(r -> r.get(5).equals("falls-per-1000")).findFirst()
                .orElseThrow();

        assertThat(List.of(action.get(0), action.get(1), action.get(3), action.get(4), action.get(7)))
                .containsExactly("Safe", "safe.safe-systems", "processes", "action", "in progress");
        assertThat(List.of(measure.get(7), measure.get(8), measure.get(9))).containsExactly(
                "4.1 per 1,000 bed days (2025-02-01)", "improvement (low)", "consistently passes the target");
    }

    /** OWASP's CSV injection payloads in texts a member's editors write: each cell comes out with a leading quote. */
    @Test
    void textsASpreadsheetWouldRunAsFormulasAreWrittenAsText() throws IOException {
        List<String> payloads = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "\tcmd", "\r=1");
        List<EvidencePack.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            items.add(new EvidencePack.Item("primary-driver", "P" + i, payloads.get(i), "processes", null, null, null,
                    null, null));
        }
        items.add(new EvidencePack.Item("primary-driver", "-12.5", "-12.5", "=processes", null, null, null, null,
                null));
        EvidencePack risky = new EvidencePack(pack.odsCode(), pack.memberName(), pack.framework(), pack.period(),
                pack.generatedAt(), pack.plan(), pack.keyQuestions(), pack.gaps(), items, pack.registrations(),
                pack.unavailableSources());

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(EvidenceCsv.write(risky))).getRecords();

        // Column 7 (index 6) is the text; the last row's text and key are a number, its category a formula.
        assertThat(rows.subList(rows.size() - 7, rows.size() - 1)).extracting(r -> r.get(6))
                .containsExactly("'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'+1+1", "'-2+3", "'\tcmd", "'\r=1");
        CSVRecord number = rows.get(rows.size() - 1);
        assertThat(List.of(number.get(3), number.get(5), number.get(6))).containsExactly("'=processes", "-12.5",
                "-12.5");
    }
}
