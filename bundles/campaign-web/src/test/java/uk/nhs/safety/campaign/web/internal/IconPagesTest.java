package uk.nhs.safety.campaign.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PledgeService;

/** The icon summary pages: the national one and a member's, with their script, links and caching. */
class IconPagesTest {

    private final AtomicInteger finds = new AtomicInteger();
    private final Member rgt = new Member("RGT", "CAMBRIDGE <UNIVERSITY> HOSPITALS", OrganisationType.ACUTE, "London",
            null, LocalDate.of(2014, 6, 24), MemberStatus.ACTIVE, null, null, false, 1);
    private final WebSite site = new WebSite(IconPagesTest::resource, members(), (PledgeService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PledgeService.class}, (p, m, a) -> List.of()),
            new PartnerPages());

    private MemberService members() {
        return (MemberService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MemberService.class},
                (proxy, method, args) -> {
                    if (!"find".equals(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    finds.incrementAndGet();
                    return java.util.Optional.ofNullable("RGT".equals(args[0]) ? rgt : null);
                });
    }

    private static byte[] resource(String name) {
        try (InputStream in = IconPagesTest.class.getResourceAsStream("/web/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void servesTheNationalIconSummaryWithItsScriptAndItsCsvAndJsonLinks() {
        WebResponse page = site.handle("GET", "/icons");

        assertThat(page.status()).isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("<title>Icon summary – Sign up to Safety</title>",
                "<script type=\"module\" src=\"/assets/js/icons.js\"></script>", "data-ods=\"\"",
                "href=\"/api/v1/icons.csv\"", "href=\"/api/v1/icons\"", "grouped by region");
        assertThat(site.handle("GET", "/assets/js/icons.js").status()).isEqualTo(200);
        assertThat(site.handle("GET", "/assets/js/icon-table.js").status()).isEqualTo(200);
    }

    @Test
    void servesAMembersIconSummaryWithItsNameEscapedAndKeepsItUntilTheMemberChanges() {
        WebResponse page = site.handle("GET", "/members/rgt/icons");
        WebResponse again = site.handle("GET", "/members/rgt/icons");

        assertThat(page.status()).isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Icon summary: CAMBRIDGE &lt;UNIVERSITY&gt; HOSPITALS", "data-ods=\"RGT\"",
                "href=\"/api/v1/members/RGT/icons.csv\"", "href=\"/members/RGT\"");
        assertThat(again.headers().get("ETag")).isEqualTo(page.headers().get("ETag")).isNotNull();
        assertThat(finds).hasValue(1);

        site.changed("RGT");
        site.handle("GET", "/members/rgt/icons");
        assertThat(finds).hasValue(2);
    }

    @Test
    void answersAnUnknownMembersIconSummaryWith404() {
        assertThat(site.handle("GET", "/members/ZZZ/icons").status()).isEqualTo(404);
    }

    @Test
    void linksTheIconSummaryFromTheDashboardAndTheMemberPage() {
        assertThat(new String(resource("pages/home.html"), StandardCharsets.UTF_8)).contains("href=\"/icons\"");
        assertThat(new String(resource("pages/member.html"), StandardCharsets.UTF_8))
                .contains("href=\"/members/{{ods}}/icons\"");
    }
}
