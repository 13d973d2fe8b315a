package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.cluster.NodePartner;
import uk.nhs.safety.campaign.api.cluster.NodeState;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class ClusterCommandTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T09:00:00Z");

    private static LocalNode node(String id) {
        return new LocalNode() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Instant startedAt() {
                return STARTED;
            }

            @Override
            public String version() {
                return "1.2.0";
            }
        };
    }

    @Test
    void listsEachNodeWithItsStateAndPartnersMarkingThisOne() throws Exception {
        ClusterCommand c = new ClusterCommand();
        c.in(FakeSession.of("alice"));
        c.zone = ZoneId.of("Europe/London");
        c.localNode = node("web1");
        c.cluster = () -> List.of(
                new ClusterNode("web1", "1.2.0", STARTED, STARTED.plusSeconds(605), NodeState.UP, List.of(
                        new NodePartner("cqc", "1.0.0", PartnerHealth.up()),
                        new NodePartner("nhsla", "1.1.0",
                                new PartnerHealth(PartnerHealth.Status.DEGRADED, "claims file late")))),
                new ClusterNode("web2", "1.1.0", STARTED, STARTED.plusSeconds(30), NodeState.MISSING, List.of()));

        ConsoleOutput output = ConsoleOutput.run(c);

        // 09:00Z on 3 December is 09:00 in London (GMT in winter).
        assertThat(output.row("web1 (this node)")).hasValue(List.of("web1 (this node)", "1.2.0",
                "2026-12-03 09:00:00", "2026-12-03 09:10:05", "UP",
                "cqc 1.0.0 UP, nhsla 1.1.0 DEGRADED (claims file late)"));
        assertThat(output.row("web2")).hasValue(List.of("web2", "1.1.0", "2026-12-03 09:00:00",
                "2026-12-03 09:00:30", "MISSING", ""));
    }

    @Test
    void saysSoOnStandardOutputWhenTheStoreIsDown() throws Exception {
        ClusterCommand c = new ClusterCommand();
        c.in(FakeSession.of("alice"));
        c.cluster = () -> {
            throw new StoreUnavailableException("the campaign store is not available: connection refused", 5);
        };

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly(
                "Error: the campaign store is not available: connection refused");
    }
}
