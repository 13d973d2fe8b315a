package uk.nhs.safety.partner.cqc.internal.export;

import uk.nhs.safety.campaign.api.text.Texts;
import uk.nhs.safety.partner.cqc.internal.evidence.EvidencePack;

/**
 * An evidence pack as a readable HTML page for inspectors. Self-contained (inline CSS, no scripts, no external
 * resources) so it opens the same from a ZIP on an offline laptop; every piece of member text is escaped. Stateless.
 */
public final class EvidenceHtml {

    private static final String CSS = """
            body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#212b32;max-width:60em}
            h1{color:#005eb8}h2{border-bottom:2px solid #005eb8;padding-bottom:.2em;margin-top:2em}
            h3{margin-bottom:.3em}table{border-collapse:collapse;width:100%;margin-bottom:1em}
            th,td{border:1px solid #d8dde0;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#f0f4f5}.gap{color:#d5281b;font-weight:bold}.meta{color:#4c6272}""";

    private EvidenceHtml() {
    }

    /** The pack as an HTML document. */
    public static String write(EvidencePack pack) {
        StringBuilder h = new StringBuilder(8192);
        String title = "CQC evidence: " + pack.memberName() + " (" + pack.odsCode() + "), " + pack.period().from()
                + " to " + pack.period().to();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Texts.html(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Texts.html(title)).append("</h1>\n<p class=\"meta\">Framework: CQC ")
                .append(Texts.html(pack.framework().version())).append(" &middot; generated ")
                .append(Texts.html(String.valueOf(pack.generatedAt()))).append("</p>\n");
        plan(h, pack);
        if (!pack.registrations().isEmpty()) {
            h.append("<p>CQC registrations: ");
            for (int i = 0; i < pack.registrations().size(); i++) {
                EvidencePack.CqcRegistration r = pack.registrations().get(i);
                h.append(i > 0 ? "; " : "").append(Texts.html(r.kind())).append(' ').append(Texts.html(r.cqcId())).append(" (")
                        .append(Texts.html(r.name())).append("), overall ")
                        .append(Texts.html(r.overallRating() == null ? "not rated" : r.overallRating()));
                if (r.reportDate() != null) {
                    h.append(", report ").append(Texts.html(String.valueOf(r.reportDate())));
                }
            }
            h.append(".</p>\n");
        }
        for (String source : pack.unavailableSources()) {
            h.append("<p class=\"gap\">Evidence not available from ").append(Texts.html(source)).append("</p>\n");
        }
        int statements = pack.keyQuestions().stream().mapToInt(k -> k.statements().size()).sum();
        h.append("<p>").append(statements - pack.gaps().size()).append(" of ").append(statements)
                .append(" quality statements have evidence; ").append(pack.gaps().size())
                .append(" have no evidence.</p>\n");
        for (EvidencePack.KeyQuestionEvidence k : pack.keyQuestions()) {
            h.append("<section>\n<h2>").append(Texts.html(k.name()));
            String rating = EvidenceCsv.rating(k);
            if (!rating.isEmpty()) {
                h.append(" <span class=\"meta\">&middot; current CQC rating: ").append(Texts.html(rating)).append("</span>");
            }
            h.append("</h2>\n");
            for (EvidencePack.StatementEvidence s : k.statements()) {
                h.append("<h3>").append(Texts.html(s.name())).append("</h3>\n");
                if (s.items().isEmpty()) {
                    h.append("<p class=\"gap\">No evidence</p>\n");
                } else {
                    items(h, s.items());
                }
            }
            h.append("</section>\n");
        }
        if (!pack.unmapped().isEmpty()) {
            h.append("<section>\n<h2>Not mapped to a quality statement</h2>\n");
            items(h, pack.unmapped());
            h.append("</section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void plan(StringBuilder h, EvidencePack pack) {
        EvidencePack.PlanRef plan = pack.plan();
        if (plan == null) {
            h.append("<p>Safety plan: no plan published by ").append(Texts.html(String.valueOf(pack.period().to())))
                    .append(".</p>\n");
            return;
        }
        h.append("<p>Safety plan: <strong>").append(Texts.html(plan.title())).append("</strong>, published version ")
                .append(plan.version()).append(" (").append(Texts.html(String.valueOf(plan.publishedAt())))
                .append("); focus areas: ").append(Texts.html(String.join(", ", plan.focusAreas()))).append(".</p>\n");
    }

    private static void items(StringBuilder h, java.util.List<EvidencePack.Item> items) {
        h.append("<table>\n<tr><th>Kind</th><th>Evidence</th><th>Category</th><th>Status / latest value</th>"
                + "<th>SPC</th></tr>\n");
        for (EvidencePack.Item item : items) {
            h.append("<tr><td>").append(Texts.html(item.kind().replace('-', ' '))).append("</td><td>")
                    .append(Texts.html(item.text())).append("</td><td>").append(Texts.html(item.category())).append("</td><td>")
                    .append(Texts.html(SpcWords.statusOrLatest(item))).append("</td><td>").append(Texts.html(spc(item)))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** E.g. "improvement (low); consistently passes the target". */
    static String spc(EvidencePack.Item item) {
        EvidencePack.SpcSummary spc = item.spc();
        if (spc == null || spc.variation() == null) {
            return "";
        }
        String words = SpcWords.variation(spc.variation());
        String assurance = SpcWords.assurance(spc.assurance());
        if (!assurance.isEmpty()) {
            words += "; " + assurance;
        }
        return spc.provisional() ? words + " (provisional limits)" : words;
    }
}
