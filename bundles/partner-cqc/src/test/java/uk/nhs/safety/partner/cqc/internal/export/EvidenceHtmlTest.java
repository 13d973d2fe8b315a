package uk.nhs.safety.partner.cqc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceHtmlTest {

    private final String html = EvidenceHtml.write(Packs.pack());

    private String section(String keyQuestion) {
        int start = html.indexOf("<h2>" + keyQuestion + "</h2>");
        assertThat(start).as("section " + keyQuestion).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void escapesMarkupInMemberText() {
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    }

    @Test
    void isSelfContainedWithInlineCssAndNoScriptsOrExternalResources() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("url(");
    }

    @Test
    void titlesTheReportWithMemberAndPeriod() {
        assertThat(html).contains("<title>CQC evidence: Cambridge University Hospitals NHS Foundation Trust (RGT), "
                + "2024-12-01 to 2025-03-31</title>");
    }

    @Test
    void showsEachKeyQuestionWithItsStatementsItemsAndGaps() {
        String safe = section("Safe");
        assertThat(safe).contains("<h3>Safe systems, pathways and transitions</h3>")
                .contains("Falls bundle, &quot;lying and standing&quot; BP").contains("in progress");
        String gap = safe.substring(safe.indexOf("<h3>Infection prevention and control</h3>"));
        assertThat(gap).contains("No evidence");
        assertThat(safe.substring(0, safe.indexOf("<h3>Infection"))).doesNotContain("No evidence");
        assertThat(section("Well-led")).contains("Learning, improvement and innovation").contains("done");
        assertThat(section("Not mapped to a quality statement")).contains("Reliable risk assessment");
    }

    @Test
    void namesThePlanVersionAndSaysTheSpcSummaryInWords() {
        assertThat(html).contains("published version 2").contains("falls, medication-safety");
        assertThat(html).contains("4.1 per 1,000 bed days (2025-02-01)")
                .contains("improvement (low); consistently passes the target");
    }
}
