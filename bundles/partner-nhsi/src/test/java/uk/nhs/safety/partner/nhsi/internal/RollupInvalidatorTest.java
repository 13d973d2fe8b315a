package uk.nhs.safety.partner.nhsi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Delivery;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.nhsi.internal.catalogue.CatalogueLoader;
import uk.nhs.safety.partner.nhsi.internal.national.NationalRollup;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;

class RollupInvalidatorTest {

    private static final Instant AT = Instant.parse("2015-06-15T12:00:00Z");
    private static final PlanContent PLAN = new PlanContent("Plan", LocalDate.of(2014, 4, 1),
            LocalDate.of(2017, 3, 31), List.of("maternity"), new DriverDiagram("Safer births", List.of(), List.of(),
            List.of()), List.of());

    private final Fakes.FakeCampaign campaign = new Fakes.FakeCampaign()
            .member("RGT", OrganisationType.ACUTE, "East of England", "CB2 0QQ")
            .member("RJZ", OrganisationType.ACUTE, "London", "SE5 9RS");
    private final NhsiService service = new NhsiService(new H2PartnerDatabase("nhsi",
            ScriptSource.classpath(NhsiService.class, "db")), campaign, Fakes.meanOnly(), Clock.fixed(AT,
            ZoneOffset.UTC), Settings.defaults(), CatalogueLoader.bundled());
    private final RollupInvalidator invalidator = new RollupInvalidator(service);

    private static long headline(NationalRollup rollup, String key) {
        return rollup.headline().stream().filter(h -> h.key().equals(key)).findFirst().orElseThrow().value()
                .longValue();
    }

    @Test
    void aPlanPublishedOnAnyNodeShowsInTheNextRollup() {
        assertThat(headline(service.national(), "plans-published")).isZero();
        campaign.plan("RGT", PLAN, AT);
        assertThat(headline(service.national(), "plans-published")).as("cached until told").isZero();

        invalidator.onEvent(new CampaignEvent(7, CampaignTopics.PLAN_PUBLISHED, AT, "web2",
                Map.of("odsCode", "RGT", "actor", "carol", "planVersion", 1L)));

        assertThat(headline(service.national(), "plans-published")).isEqualTo(1);
    }

    @Test
    void aMemberJoiningShowsInTheNextRollup() {
        assertThat(headline(service.national(), "members")).isEqualTo(2);
        campaign.member("RX7", OrganisationType.AMBULANCE, "North West", "L1 1AA");

        invalidator.onEvent(new CampaignEvent(8, CampaignTopics.MEMBER_JOINED, AT, "web1",
                Map.of("odsCode", "RX7", "actor", "alice")));

        assertThat(headline(service.national(), "members")).isEqualTo(3);
    }

    @Test
    void listensOnEveryNodeToTheTopicsTheRollupShows() {
        assertThat(invalidator.delivery()).isEqualTo(Delivery.EVERY_NODE);
        assertThat(invalidator.topics()).containsExactlyInAnyOrder(CampaignTopics.MEMBER_JOINED,
                CampaignTopics.PLAN_PUBLISHED);
    }
}
