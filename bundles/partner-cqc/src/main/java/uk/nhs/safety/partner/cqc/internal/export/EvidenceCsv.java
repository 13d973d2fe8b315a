package uk.nhs.safety.partner.cqc.internal.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import uk.nhs.safety.campaign.api.csv.CsvCells;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;

/**
 * An evidence pack as CSV (RFC 4180, CRLF line ends, a header row): one row per evidence item under its statement,
 * one row per gap (kind {@code gap}) and one row per unmapped item (no key question or statement). Stateless.
 */
public final class EvidenceCsv {

    /** The header row. */
    public static final List<String> HEADER = List.of("Key question", "Statement id", "Statement",
            "Evidence category", "Item kind", "Item key", "Text", "Status / latest value", "Variation", "Assurance",
            "Current CQC rating", "Source");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new)).get();

    private EvidenceCsv() {
    }

    /** The pack as CSV text. */
    public static String write(EvidencePack pack) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (EvidencePack.KeyQuestionEvidence k : pack.keyQuestions()) {
                for (EvidencePack.StatementEvidence s : k.statements()) {
                    for (EvidencePack.Item item : s.items()) {
                        csv.printRecord(CsvCells.row(row(k.name(), s.id(), s.name(), item, rating(k))));
                    }
                }
            }
            for (EvidencePack.Gap gap : pack.gaps()) {
                String rating = pack.keyQuestions().stream().filter(k -> k.name().equals(gap.keyQuestion()))
                        .findFirst().map(EvidenceCsv::rating).orElse("");
                csv.printRecord(CsvCells.row(gap.keyQuestion(), gap.id(), gap.name(), "", "gap", "",
                        "No evidence for this quality statement", "", "", "", rating, ""));
            }
            for (EvidencePack.Item item : pack.unmapped()) {
                csv.printRecord(CsvCells.row(row("", "", "", item, "")));
            }
        } catch (IOException e) {
            // A StringWriter does not fail; this would be a bug.
            throw new UncheckedIOException("cannot write CSV to memory", e);
        }
        return out.toString();
    }

    private static List<String> row(String keyQuestion, String statementId, String statement, EvidencePack.Item item,
                                    String rating) {
        EvidencePack.SpcSummary spc = item.spc();
        return List.of(keyQuestion, statementId, statement, nz(item.category()), item.kind(), nz(item.key()),
                nz(item.text()), SpcWords.statusOrLatest(item), spc == null ? "" : SpcWords.variation(spc.variation()),
                spc == null ? "" : SpcWords.assurance(spc.assurance()), rating, nz(item.source()));
    }

    /** The key question's current rating with its report date, e.g. {@code Good (2019-05-01)}, or empty. */
    static String rating(EvidencePack.KeyQuestionEvidence k) {
        EvidencePack.CurrentRating r = k.currentRating();
        return r == null ? "" : r.rating() + (r.reportDate() == null ? "" : " (" + r.reportDate() + ")");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
