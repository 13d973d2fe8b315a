package uk.nhs.safety.partner.cqc.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.web.PageScope;
import uk.nhs.safety.partner.cqc.internal.Fixtures;

class CqcEvidencePageTest {

    private final CqcEvidencePage page = new CqcEvidencePage(Fixtures.service(Fixtures.campaign(), "2023"));

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void isAMemberPageOfPartnerCqcAtAStableAddress() {
        assertThat(page.id()).isEqualTo("cqc-evidence");
        assertThat(page.partnerId()).isEqualTo("cqc");
        assertThat(page.scope()).isEqualTo(PageScope.MEMBER);
    }

    @Test
    void listsEveryKeyQuestionAndAll34StatementsWithTheirItemCountsAndGaps() {
        String html = page.render(Fixtures.ODS).orElseThrow();

        // the 2023 framework: 5 key questions (safe, effective, caring, responsive, well-led), 34 quality statements
        assertThat(count(html, "<section aria-labelledby=\"cqc-[a-z-]+\" class=\"cqc-key-question\">")).isEqualTo(5);
        assertThat(count(html, "<tr data-statement=")).isEqualTo(34);
        assertThat(html).contains(">Safe</h2>");
        int gapCells = count(html, "<span class=\"gap\">Gap: no evidence</span>");
        int gapItems = count(html, "<ul class=\"cqc-gaps\">.*") == 0 ? 0 : count(html, "<li>[^<]+ <span class=\"muted\">");
        assertThat(gapCells).isPositive().isLessThan(34).isEqualTo(gapItems);
        assertThat(html).contains("<strong class=\"cqc-gap-count\">" + gapCells + " of 34 quality statements</strong>");
    }

    @Test
    void showsOnlyPublishedMaterial() {
        String html = page.render(Fixtures.ODS).orElseThrow();

        assertThat(html).doesNotContain(Fixtures.DRAFT_TEXT).doesNotContain(Fixtures.WORKING_COPY_TEXT);
        assertThat(html).contains("Plan: version 2, <em>Safer care 2024-27</em>.");
    }

    @Test
    void hasNothingToShowForAnOrganisationThatIsNotAMember() {
        assertThat(page.render("RXX")).isEmpty();
    }
}
