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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.web.PageScope;
import uk.nhs.safety.campaign.api.web.PartnerPage;

/** Rendered pages kept until their member changes, with strong ETags. */
class WebPageCacheTest {

    private final List<PledgeAction> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger actionReads = new AtomicInteger();
    private final PartnerPages partnerPages = new PartnerPages();
    private final WebSite site = new WebSite(WebPageCacheTest::resource, members(), pledges(), partnerPages);

    WebPageCacheTest() {
        actions.add(action(1, "RGT", "First published action"));
    }

    private static PledgeAction action(long id, String ods, String text) {
        return new PledgeAction(id, ods, Pledge.PUT_SAFETY_FIRST, text, "Medical Director", null,
                ActionStatus.PLANNED, true, Instant.parse("2015-04-01T09:00:00Z"), 1);
    }

    @Test
    void keepsAMemberPageWithAStrongETagUntilTheMemberChanges() {
        WebResponse first = site.handle("GET", "/members/RGT");
        WebResponse again = site.handle("GET", "/members/RGT");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().get("ETag")).matches("\"[0-9a-f]{22}\"");
        assertThat(again.headers().get("ETag")).isEqualTo(first.headers().get("ETag"));
        assertThat(actionReads).hasValue(1);

        actions.add(action(2, "RGT", "Second published action"));
        site.changed("RRU");
        assertThat(site.handle("GET", "/members/RGT").text()).doesNotContain("Second published action");

        site.changed("RGT");
        WebResponse changed = site.handle("GET", "/members/RGT");
        assertThat(changed.text()).contains("Second published action");
        assertThat(changed.headers().get("ETag")).isNotEqualTo(first.headers().get("ETag"));
        assertThat(actionReads).hasValue(2);
    }

    @Test
    void dropsAMembersPagesOnACampaignEventFromAnyNode() {
        WebServlet servlet = servletOver(site);
        site.handle("GET", "/members/RGT");
        actions.add(action(2, "RGT", "Published on another node"));

        servlet.onEvent(new CampaignEvent(7, CampaignTopics.ACTIONS_PUBLISHED, Instant.now(), "node-b",
                Map.of(CampaignTopics.ODS_CODE, "RGT", CampaignTopics.ACTOR, "ed")));

        assertThat(site.handle("GET", "/members/RGT").text()).contains("Published on another node");
    }

    @Test
    void rendersPagesAgainWhenAPartnerPageComesOrGoes() {
        assertThat(site.handle("GET", "/members/RGT").text()).doesNotContain("data-partner-page=\"evidence\"");

        partnerPages.add(new PartnerPage() {
            @Override
            public String id() {
                return "evidence";
            }

            @Override
            public String partnerId() {
                return "cqc";
            }

            @Override
            public String title() {
                return "Evidence";
            }

            @Override
            public PageScope scope() {
                return PageScope.MEMBER;
            }

            @Override
            public Optional<String> render(String odsCode) {
                return Optional.of("evidence");
            }
        });

        assertThat(site.handle("GET", "/members/RGT").text()).contains("data-partner-page=\"evidence\"");
    }

    @Test
    void keepsNoPageThatIsNotFound() {
        assertThat(site.handle("GET", "/members/ZZZ").status()).isEqualTo(404);
        assertThat(site.handle("GET", "/members/ZZZ").headers()).doesNotContainKey("ETag");
    }

    @Test
    void answersIfNoneMatchWithAListOrAWeakTag() {
        assertThat(WebServlet.noneMatchHits("\"a\", W/\"b\"", "\"b\"")).isTrue();
        assertThat(WebServlet.noneMatchHits("*", "\"b\"")).isTrue();
        assertThat(WebServlet.noneMatchHits("\"a\"", "\"b\"")).isFalse();
        assertThat(WebServlet.noneMatchHits(null, "\"b\"")).isFalse();
    }

    /** The servlet's event handling only, without its DS activation (no bundle here). */
    private static WebServlet servletOver(WebSite site) {
        return new WebServlet(site);
    }

    private PledgeService pledges() {
        return (PledgeService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PledgeService.class},
                (proxy, method, args) -> {
                    if (!"actions".equals(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    actionReads.incrementAndGet();
                    return actions.stream().filter(a -> a.odsCode().equals(args[0])).toList();
                });
    }

    private MemberService members() {
        List<Member> all = List.of(
                new Member("RGT", "Cambridge", OrganisationType.ACUTE, "East of England", null,
                        LocalDate.of(2014, 6, 24), MemberStatus.ACTIVE, null, null, false, 1),
                new Member("RRU", "London Ambulance", OrganisationType.AMBULANCE, "London", null,
                        LocalDate.of(2014, 7, 1), MemberStatus.ACTIVE, null, null, false, 1));
        return (MemberService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MemberService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> all.stream().filter(m -> m.odsCode().equals(args[0])).findFirst();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPageCacheTest.class.getResourceAsStream("/web/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
