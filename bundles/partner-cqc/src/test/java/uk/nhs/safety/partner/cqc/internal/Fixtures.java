package uk.nhs.safety.partner.cqc.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;
import uk.nhs.safety.partner.support.json.PartnerJson;

/**
 * One member, RGT, with: published actions under pledges 1 and 3, a draft under pledge 2, an action published after
 * the test period; plan version 1 (falls, published 2024-06-01) and version 2 (falls and medication safety,
 * published 2025-01-10) with a driver diagram and three measures; a working copy with unpublished content; and the
 * falls measure's chart from November 2024 to April 2025.
 */
public final class Fixtures {

    public static final String ODS = "RGT";
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-15T12:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate FROM = LocalDate.of(2024, 12, 1);
    public static final LocalDate TO = LocalDate.of(2025, 3, 31);

    public static final String DRAFT_TEXT = "Draft: not yet agreed by the board";
    public static final String LATE_TEXT = "Published after the period";
    public static final String WORKING_COPY_TEXT = "Unpublished driver in the working copy";

    private Fixtures() {
    }

    /** The partner's service over the fake campaign, with the bundled framework files and the given version. */
    public static CqcEvidenceService service(FakeCampaign campaign, String frameworkVersion) {
        return new CqcEvidenceService(new uk.nhs.safety.partner.cqc.internal.evidence.EvidencePackBuilder(
                campaign.memberService, campaign.pledgeService, campaign.planService, campaign.measureService, CLOCK),
                new uk.nhs.safety.partner.cqc.internal.framework.FrameworkLoader(PartnerJson.leavingOutNulls()), frameworkVersion, 12);
    }

    /** An empty evidence timeline in a database of its own. */
    public static uk.nhs.safety.partner.cqc.internal.timeline.EvidenceTimeline timeline() {
        return uk.nhs.safety.partner.cqc.internal.timeline.EvidenceTimeline.on(
                new uk.nhs.safety.partner.testkit.H2PartnerDatabase("cqc",
                        uk.nhs.safety.campaign.api.partner.ScriptSource.classpath(CqcEvidenceService.class, "db")),
                "test-node");
    }

    public static FakeCampaign campaign() {
        FakeCampaign c = new FakeCampaign();
        c.members.put(ODS, new Member(ODS, "Cambridge University Hospitals NHS Foundation Trust",
                OrganisationType.ACUTE, "East of England", "CB2 0QQ", LocalDate.of(2014, 6, 24),
                MemberStatus.ACTIVE, LocalDate.of(2004, 7, 1), null, false, 3));
        c.actions.add(action(1, Pledge.PUT_SAFETY_FIRST, "Publish our goal to halve avoidable falls harm",
                ActionStatus.IN_PROGRESS, true, "2024-09-01T09:00:00Z"));
        c.actions.add(action(2, Pledge.CONTINUALLY_LEARN, DRAFT_TEXT, ActionStatus.PLANNED, false, null));
        c.actions.add(action(3, Pledge.BE_HONEST, "Report our harm figures to the board in public",
                ActionStatus.DONE, true, "2025-02-01T09:00:00Z"));
        c.actions.add(action(4, Pledge.COLLABORATE, LATE_TEXT, ActionStatus.PLANNED, true, "2025-04-02T09:00:00Z"));

        c.versions.add(new PlanVersion(ODS, 1, Instant.parse("2024-06-01T10:00:00Z"), "alice",
                content(List.of("falls"))));
        c.versions.add(new PlanVersion(ODS, 2, Instant.parse("2025-01-10T10:00:00Z"), "alice",
                content(List.of("falls", "medication-safety"))));
        PlanContent working = content(List.of("falls", "medication-safety", "hcai"));
        working = new PlanContent(working.title(), working.periodStart(), working.periodEnd(), working.focusAreas(),
                new DriverDiagram(working.diagram().aim(), List.of(new PrimaryDriver("P9", WORKING_COPY_TEXT)),
                        List.of(), List.of()), working.measures());
        c.workingCopies.put(ODS, new SafetyPlan(ODS, working, PlanStatus.DRAFT, 2,
                Instant.parse("2025-03-01T10:00:00Z"), "bob", 7));

        c.progress.put(ODS + "/falls-per-1000", new MeasureProgress(ODS, fallsMeasure(), fallsChart()));
        return c;
    }

    public static PledgeAction action(long id, Pledge pledge, String text, ActionStatus status, boolean published,
                                      String publishedAt) {
        return new PledgeAction(id, ODS, pledge, text, "Medical Director", LocalDate.of(2025, 12, 31), status,
                published, publishedAt == null ? null : Instant.parse(publishedAt), 1);
    }

    public static PlanContent content(List<String> focusAreas) {
        DriverDiagram diagram = new DriverDiagram("Halve falls with harm by March 2027",
                List.of(new PrimaryDriver("P1", "Reliable falls risk assessment")),
                List.of(new SecondaryDriver("S1", "Lying and standing blood pressure on admission", List.of("P1"))),
                List.of(new ChangeIdea("C1", "Falls bundle on every ward", List.of("S1"))));
        return new PlanContent("Safer care 2024-27", LocalDate.of(2024, 4, 1), LocalDate.of(2027, 3, 31), focusAreas,
                diagram, List.of(fallsMeasure(),
                new Measure("bundle-compliance", "Falls bundle compliance", MeasureType.PROCESS,
                        "Audited patients with a complete bundle", "%", ImprovementDirection.UP, 40.0, 95.0, "S1",
                        List.of()),
                new Measure("length-of-stay", "Average length of stay", MeasureType.BALANCING,
                        "Mean days per admission", "days", ImprovementDirection.DOWN, null, null, "aim", List.of())));
    }

    public static Measure fallsMeasure() {
        return new Measure("falls-per-1000", "Falls with harm per 1,000 bed days", MeasureType.OUTCOME,
                "Falls with moderate harm or worse", "per 1,000 bed days", ImprovementDirection.DOWN, 6.0, 5.0, "aim",
                List.of());
    }

    /** Six monthly points; only December to March fall in the test period; March is the latest of them. */
    public static SpcResult fallsChart() {
        double[] values = {6.1, 5.8, 6.3, 5.2, 4.1, 6.9};
        Variation[] variations = {Variation.COMMON_CAUSE, Variation.COMMON_CAUSE, Variation.COMMON_CAUSE,
                Variation.COMMON_CAUSE, Variation.IMPROVEMENT_LOW, Variation.CONCERN_HIGH};
        List<SpcPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new SpcPoint(LocalDate.of(2024, 11, 1).plusMonths(i), values[i],
                    i == 0 ? null : Math.abs(values[i] - values[i - 1]), 5.73, 8.5, 2.9, null, variations[i], 0));
        }
        return new SpcResult(points, List.of(new SpcPhase(LocalDate.of(2024, 11, 1), 6, 5.73, 1.04, 8.5, 2.9, true)),
                Variation.CONCERN_HIGH, Assurance.INCONSISTENT, true);
    }
}
