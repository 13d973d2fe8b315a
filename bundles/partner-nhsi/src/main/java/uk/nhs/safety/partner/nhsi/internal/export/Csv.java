package uk.nhs.safety.partner.nhsi.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import uk.nhs.safety.campaign.api.csv.CsvCells;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment;
import uk.nhs.safety.partner.nhsi.internal.alignment.Alignment.PriorityAlignment;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Headline;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Point;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup.Series;

/**
 * The CSV shapes of the alignment table and the national roll-up (exports and routes write the same). Every cell goes
 * through {@link CsvCells}, so a text a spreadsheet would run as a formula is written as text.
 */
public final class Csv {

    private Csv() {
    }

    /** One row per member and priority. */
    public static void alignment(List<Alignment> all, Writer w) throws IOException {
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("ods_code", "name", "type", "region",
                "collaborative", "plan_status", "plan_version", "catalogue_version", "priority", "applies", "expected",
                "why_expected", "addressed", "evidence", "member_coverage_percent").get());
        for (Alignment a : all) {
            for (PriorityAlignment p : a.priorities()) {
                csv.printRecord(CsvCells.row(a.odsCode(), a.name(), a.type().name().toLowerCase(java.util.Locale.ROOT),
                        a.region(), a.collaborative().key(), a.planStatus(), a.planVersion(), a.catalogueVersion(),
                        p.key(), p.applies(), p.expected(), p.why(), p.addressed(), String.join("; ", p.evidence()),
                        a.coverage()));
            }
        }
        csv.flush();
    }

    /** The headline figures, then every series point with its SPC values. */
    public static void national(NationalRollup r, Writer w) throws IOException {
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("section", "key", "label", "period",
                "value", "unit", "total", "mean", "lower_limit", "upper_limit", "special_cause", "variation", "note")
                .get());
        for (Headline h : r.headline()) {
            csv.printRecord(CsvCells.row("headline", h.key(), h.label(), r.asOf(), h.value(), h.unit(), null, null,
                    null, null, null, null, h.note()));
        }
        for (Series s : r.series()) {
            List<SpcPoint> spc = s.spc().points();
            for (int i = 0; i < s.points().size(); i++) {
                Point p = s.points().get(i);
                SpcPoint q = i < spc.size() ? spc.get(i) : null;
                csv.printRecord(CsvCells.row("series", s.key(), s.label(), p.period(), p.value(), s.unit(), p.total(),
                        q == null ? null : q.mean(), q == null ? null : q.lowerLimit(),
                        q == null ? null : q.upperLimit(), q == null || q.specialCause() == null ? null
                                : q.specialCause().name().toLowerCase(java.util.Locale.ROOT),
                        q == null ? null : q.variation().name().toLowerCase(java.util.Locale.ROOT), null));
            }
        }
        csv.flush();
    }
}
