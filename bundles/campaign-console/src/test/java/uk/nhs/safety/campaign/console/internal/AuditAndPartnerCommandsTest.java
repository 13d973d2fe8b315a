package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.AuditEntry;
import uk.nhs.safety.campaign.api.AuditService;
import uk.nhs.safety.campaign.api.partner.PartnerHealth;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;
import uk.nhs.safety.partner.testkit.ConsoleOutput;
import uk.nhs.safety.partner.testkit.FakePartnerRegistry;

class AuditAndPartnerCommandsTest {

    /** Answers with the newest {@code limit} of its entries, newest first, as the contract says. */
    private static final class FakeAudit implements AuditService {
        final List<Integer> limits = new ArrayList<>();
        final List<AuditEntry> newestFirst = new ArrayList<>();

        @Override
        public List<AuditEntry> trail(String odsCode, int limit) {
            limits.add(limit);
            return newestFirst.stream().filter(e -> java.util.Objects.equals(odsCode, e.odsCode())).limit(limit)
                    .toList();
        }
    }

    @Test
    void showsTheNewestFiftyEntriesUnlessToldOtherwise() throws Exception {
        FakeAudit audit = new FakeAudit();
        for (int i = 60; i >= 1; i--) {
            audit.newestFirst.add(new AuditEntry(i, Instant.parse("2015-04-01T09:00:00Z").plusSeconds(i * 60L),
                    "alice", "RGT", "measure.recorded", "measure falls-per-1000 entry-" + i, "value " + i));
        }
        AuditCommand c = new AuditCommand();
        c.auditService = audit;
        c.in(FakeSession.of("alice"));
        c.ods = "rgt";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(audit.limits).containsExactly(50);
        List<String> subjects = output.outLines().stream().filter(l -> l.contains("entry-"))
                .map(l -> l.replaceAll(".*(entry-\\d+).*", "$1")).toList();
        assertThat(subjects).hasSize(50).startsWith("entry-60", "entry-59").endsWith("entry-11");
    }

    @Test
    void withoutAnOdsCodeShowsTheCampaignWideEntriesSuchAsPartnerInstalls() throws Exception {
        FakeAudit audit = new FakeAudit();
        audit.newestFirst.add(new AuditEntry(3, Instant.parse("2026-12-03T10:00:00Z"), "admin", null,
                "partner.upgraded", "feature safety-partner-cqc 1.1.0", "was 1.0.0"));
        audit.newestFirst.add(new AuditEntry(2, Instant.parse("2026-12-03T09:30:00Z"), "alice", "RGT",
                "measure.recorded", "measure falls-per-1000", "value 4"));
        audit.newestFirst.add(new AuditEntry(1, Instant.parse("2026-12-03T09:00:00Z"), "admin", null,
                "partner.installed", "feature safety-partner-cqc 1.0.0", "from mvn:repo"));
        AuditCommand c = new AuditCommand();
        c.auditService = audit;
        c.in(FakeSession.of("admin"));

        ConsoleOutput output = ConsoleOutput.run(c);

        List<String> actions = output.outLines().stream().filter(l -> l.contains("partner.") || l.contains("measure."))
                .map(l -> l.replaceAll(".*?((partner|measure)\\.[a-z]+).*", "$1")).toList();
        assertThat(actions).containsExactly("partner.upgraded", "partner.installed");
    }

    @Test
    void refusesALimitBelowOne() throws Exception {
        FakeAudit audit = new FakeAudit();
        AuditCommand c = new AuditCommand();
        c.auditService = audit;
        c.in(FakeSession.of("alice"));
        c.ods = "RGT";
        c.limit = "0";

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.errLines()).containsExactly("Error: limit '0': must be between 1 and " + AuditCommand.MAX_LIMIT);
        assertThat(audit.limits).isEmpty();
    }

    @Test
    void showsEachPartnersHealthAndWhyWhenNotUp() throws Exception {
        PartnerRegistry registry = new FakePartnerRegistry(
                new PartnerInfo("cqc", "Care Quality Commission", "1.0.0", "uk.nhs.safety.partner-cqc",
                        PartnerHealth.up()),
                new PartnerInfo("nhsla", "NHS Litigation Authority", "1.1.0", "uk.nhs.safety.partner-nhsla",
                        new PartnerHealth(PartnerHealth.Status.DEGRADED, "claims file is 40 days old")));
        PartnerListCommand c = new PartnerListCommand();
        c.partnerRegistry = registry;
        c.in(FakeSession.of("alice"));

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.row("cqc")).hasValue(
                List.of("cqc", "Care Quality Commission", "1.0.0", "uk.nhs.safety.partner-cqc", "UP", ""));
        assertThat(output.row("nhsla")).hasValueSatisfying(cells ->
                assertThat(cells.subList(4, 6)).containsExactly("DEGRADED", "claims file is 40 days old"));
    }
}
