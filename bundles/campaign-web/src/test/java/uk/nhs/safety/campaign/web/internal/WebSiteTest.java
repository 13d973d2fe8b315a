package uk.nhs.safety.campaign.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.web.PageScope;
import uk.nhs.safety.campaign.api.web.PartnerPage;

/** The site's routing, server-rendered parts, partner pages and assets, without a servlet container. */
class WebSiteTest {

    private final List<Member> members = List.of(
            new Member("RGT", "CAMBRIDGE <UNIVERSITY> HOSPITALS", OrganisationType.ACUTE, "East of England", null,
                    LocalDate.of(2014, 6, 24), MemberStatus.ACTIVE, null, null, true, 1),
            new Member("RRU", "LONDON AMBULANCE SERVICE", OrganisationType.AMBULANCE, "London", null,
                    LocalDate.of(2014, 7, 1), MemberStatus.ACTIVE, null, null, false, 1));
    private final PartnerPages pages = new PartnerPages();
    private final List<PledgeAction> actions = List.of(
            new PledgeAction(1, "RGT", Pledge.PUT_SAFETY_FIRST, "Publish our <plan> & goals", "Medical Director",
                    LocalDate.of(2015, 3, 31), ActionStatus.IN_PROGRESS, true, Instant.parse("2014-07-01T23:30:00Z"), 1),
            new PledgeAction(2, "RGT", Pledge.BE_HONEST, "Draft: not agreed yet", "Chief Nurse", null,
                    ActionStatus.PLANNED, false, null, 1));
    private final WebSite site = new WebSite(WebSiteTest::resource, memberService(), pledgeService(), pages);

    /** Answers as core does: with publishedOnly the drafts are left out (the site must also never show one). */
    private PledgeService pledgeService() {
        return (PledgeService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PledgeService.class},
                (proxy, method, args) -> {
                    if (!"actions".equals(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return actions.stream().filter(a -> a.odsCode().equals(args[0]))
                            .filter(a -> !(Boolean) args[1] || a.published()).toList();
                });
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebSiteTest.class.getResourceAsStream("/web/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MemberService memberService() {
        return (MemberService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MemberService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> members.stream().filter(m -> m.odsCode().equals(args[0])).findFirst();
                    case "list" -> {
                        MemberQuery q = (MemberQuery) args[0];
                        yield new Page<>(members.stream().skip(q.offset()).limit(q.limit()).toList(), members.size(),
                                q.offset(), q.limit());
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PartnerPage partnerPage(String id, PageScope scope, Optional<String> content) {
        return new PartnerPage() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String partnerId() {
                return "cqc";
            }

            @Override
            public String title() {
                return "Evidence & gaps";
            }

            @Override
            public PageScope scope() {
                return scope;
            }

            @Override
            public Optional<String> render(String odsCode) {
                if ("boom".equals(id)) {
                    throw new IllegalStateException("partner failure");
                }
                return content.map(c -> c + " for " + odsCode);
            }
        };
    }

    @Test
    void servesTheDashboardWithItsScriptTheNavigationAndTheSkipLink() {
        WebResponse home = site.handle("GET", "/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(home.text()).contains("<html lang=\"en-GB\">")
                .contains("<title>National dashboard – Sign up to Safety</title>")
                .contains("<script type=\"module\" src=\"/assets/js/home.js\"></script>")
                .contains("<a class=\"skip-link\" href=\"#main\">")
                .contains("<a href=\"/\" aria-current=\"page\">National dashboard</a>")
                .doesNotContain("{{");
    }

    @Test
    void rendersTheMembersNameEscapedInTheTitleAndHeading() {
        WebResponse page = site.handle("GET", "/members/rgt");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<title>CAMBRIDGE &lt;UNIVERSITY&gt; HOSPITALS (RGT) – Sign up to Safety</title>")
                .contains("<h1 id=\"member-name\">CAMBRIDGE &lt;UNIVERSITY&gt; HOSPITALS</h1>")
                .contains("data-ods=\"RGT\"").contains("Demo data:").doesNotContain("<UNIVERSITY>");
    }

    @Test
    void rendersTheFivePledgesWithThePublishedActionsOnTheServer() {
        String page = site.handle("GET", "/members/RGT").text();

        assertThat(page).contains("<h3>1. Put safety first</h3>").contains("<h3>5. Be supportive</h3>")
                .contains("Publish our &lt;plan&gt; &amp; goals <span class=\"tag tag-in_progress\">In progress</span>")
                // published at 23:30 UTC on 1 July 2014 is 00:30 on 2 July in London (BST)
                .contains("Owner: Medical Director · due 31 March 2015 · published 2 July 2014")
                .doesNotContain("Draft: not agreed yet");
        assertThat(page.split("No published actions yet.", -1)).as("pledges 2 to 5 have none").hasSize(5);
    }

    @Test
    void offersTheDirectoryFiltersFromTheTypesAndTheMembersRegions() {
        String page = site.handle("GET", "/members").text();

        assertThat(page).contains("<option value=\"ambulance\">Ambulance service</option>")
                .contains("<option>East of England</option>").contains("<option>London</option>");
    }

    @Test
    void answersUnknownMembersAndPathsWith404Pages() {
        assertThat(site.handle("GET", "/members/ZZZ9").status()).isEqualTo(404);
        assertThat(site.handle("GET", "/members/%3Cscript%3E").status()).isEqualTo(404);
        assertThat(site.handle("GET", "/nothing/here").status()).isEqualTo(404);
        assertThat(site.handle("GET", "/members/ZZZ9").text()).contains("No member has the ODS code ZZZ9.");
    }

    @Test
    void givesTheMemberPageAPdsaSectionAndTheWorkspaceItsPdsaAndNoteEditorsWithTheirScripts() {
        String member = site.handle("GET", "/members/RGT").text();
        String workspace = site.handle("GET", "/workspace/RGT").text();

        assertThat(member).contains("<a href=\"#pdsa-heading\">PDSA cycles</a>")
                .contains("<h2 id=\"pdsa-heading\">PDSA cycles</h2>").contains("<div id=\"pdsa\"></div>");
        // the section comes right after the driver diagram's
        assertThat(member.indexOf("id=\"pdsa-heading\"")).isGreaterThan(member.indexOf("id=\"diagram-heading\""))
                .isLessThan(member.indexOf("id=\"measures-heading\""));
        assertThat(workspace).contains("<div id=\"pdsa-editor\"></div>").contains("<div id=\"annotation-editor\"></div>");
        assertThat(site.handle("GET", "/assets/js/pdsa.js").text()).contains("export function pdsaSection")
                .contains("export function drawNotes").contains("export function notesList");
        assertThat(site.handle("GET", "/assets/js/pdsa-editor.js").status()).isEqualTo(200);
        assertThat(site.handle("GET", "/assets/js/charts.js").text()).contains("drawNotes(svg, notes");
    }

    @Test
    void refusesChanges() {
        WebResponse post = site.handle("POST", "/members");

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void servesAssetsWithTheirTypeAndAnETagButNeverOutsideTheAssetsFolder() {
        WebResponse js = site.handle("GET", "/assets/js/charts.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).isEqualTo("text/javascript; charset=UTF-8");
        assertThat(js.headers().get("ETag")).matches("\"[0-9a-f]{20}\"");
        assertThat(site.handle("GET", "/assets/css/site.css").contentType()).isEqualTo("text/css; charset=UTF-8");

        assertThat(site.handle("GET", "/assets/../layout.html").status()).isEqualTo(404);
        assertThat(site.handle("GET", "/assets/js/../../layout.html").status()).isEqualTo(404);
        assertThat(site.handle("GET", "/assets/js/missing.js").status()).isEqualTo(404);
    }

    @Test
    void linksAndServesAPartnerPageOnlyWhileItIsInstalled() {
        PartnerPage evidence = partnerPage("cqc-evidence", PageScope.MEMBER, Optional.of("<p>evidence</p>"));
        assertThat(site.handle("GET", "/members/RGT").text()).contains("No partner pages are installed.");
        assertThat(site.handle("GET", "/members/RGT/partners/cqc-evidence").status()).isEqualTo(404);

        pages.add(evidence);
        assertThat(site.handle("GET", "/members/RGT").text()).contains("<a href=\"/members/RGT/partners/cqc-evidence\""
                + " data-partner-page=\"cqc-evidence\">Evidence &amp; gaps</a>");
        WebResponse page = site.handle("GET", "/members/RGT/partners/cqc-evidence");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<h1>Evidence &amp; gaps</h1>").contains("<p>evidence</p> for RGT")
                .contains("<a href=\"/members/RGT\">Back to CAMBRIDGE &lt;UNIVERSITY&gt; HOSPITALS</a>");

        pages.remove(evidence);
        assertThat(site.handle("GET", "/members/RGT").text()).doesNotContain("cqc-evidence");
        assertThat(site.handle("GET", "/members/RGT/partners/cqc-evidence").status()).isEqualTo(404);
    }

    @Test
    void keepsMemberAndNationalPartnerPagesApart() {
        pages.add(partnerPage("national-progress", PageScope.NATIONAL, Optional.of("<p>national</p>")));

        assertThat(site.handle("GET", "/").text()).contains("href=\"/partners/national-progress\"");
        assertThat(site.handle("GET", "/partners/national-progress").text()).contains("<p>national</p> for null");
        assertThat(site.handle("GET", "/members/RGT/partners/national-progress").status()).isEqualTo(404);
    }

    @Test
    void showsAFailingPartnerPageAsUnavailableAndAnEmptyOneAsNotFound() {
        pages.add(partnerPage("boom", PageScope.MEMBER, Optional.of("x")));
        pages.add(partnerPage("empty", PageScope.MEMBER, Optional.empty()));

        WebResponse failed = site.handle("GET", "/members/RGT/partners/boom");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.text()).contains("This partner page is unavailable just now.");
        assertThat(site.handle("GET", "/members/RGT/partners/empty").status()).isEqualTo(404);
    }

    @Test
    void ignoresAPartnerPageWithAMalformedId() {
        pages.add(partnerPage("Bad Id!", PageScope.MEMBER, Optional.of("x")));

        assertThat(pages.of(PageScope.MEMBER)).isEmpty();
    }

    @Test
    void fillsTemplatePlaceholdersAndDropsUnknownOnes() {
        assertThat(WebSite.fill("a {{x}} b {{y}} c", Map.of("x", "1"))).isEqualTo("a 1 b  c");
        assertThat(WebSite.fill("no close {{x", Map.of("x", "1"))).isEqualTo("no close {{x");
    }

    @Test
    void allowsOnlyTheSitesOwnScriptsStylesAndConnections() {
        assertThat(WebSite.CSP).contains("script-src 'self'").contains("style-src 'self'")
                .contains("connect-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void answersAPlain503PageWithRetryAfterWhileTheStoreIsUnavailable() {
        MemberService down = (MemberService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MemberService.class}, (proxy, method, args) -> {
                    throw new StoreUnavailableException("the campaign database does not answer: refused", 5);
                });
        WebSite unavailable = new WebSite(WebSiteTest::resource, down, pledgeService(), pages);

        WebResponse page = unavailable.handle("GET", "/members/RGT");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(page.headers()).containsEntry("Retry-After", "5").containsEntry("Cache-Control", "no-store");
        assertThat(page.text()).contains("<h1>Service unavailable</h1>").doesNotContain("refused")
                .doesNotContain("<script");
    }
}
