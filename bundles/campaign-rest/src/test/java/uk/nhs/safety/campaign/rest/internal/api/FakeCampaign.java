package uk.nhs.safety.campaign.rest.internal.api;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.nhs.safety.campaign.api.ActionStatus;
import uk.nhs.safety.campaign.api.CampaignSummary;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.MeasureType;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.SafetyPlan;
import uk.nhs.safety.campaign.api.StaleVersionException;
import uk.nhs.safety.campaign.api.access.CallerAccess;
import uk.nhs.safety.campaign.api.pdsa.ChartNote;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycle;
import uk.nhs.safety.campaign.api.pdsa.PdsaCycleInput;
import uk.nhs.safety.campaign.api.pdsa.PdsaService;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.ImprovementDirection;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * A tiny in-memory campaign: member RGT with a published plan (version 1, title "Published") whose working copy has
 * since been edited (title "Draft edit", an extra draft-only measure), one published and one draft action; member
 * RJZ with nothing. Writes record what they were asked so tests can check that refused requests changed nothing.
 */
final class FakeCampaign {

    static final Instant T0 = Instant.parse("2015-04-01T09:00:00Z");

    final Map<String, Member> members = new HashMap<>();
    final List<PledgeAction> actions = new ArrayList<>();
    final List<String> writes = new ArrayList<>();
    SafetyPlan working;
    PlanVersion published;
    /** What the analyser was asked for: the target it analysed against. */
    final List<Double> analysedTargets = new ArrayList<>();
    /** What the partner installer was asked ({@code install url feature force actor}); refuses when {@link #refusal} is set. */
    final List<String> installs = new ArrayList<>();
    uk.nhs.safety.campaign.api.deploy.InstallRefusedException refusal;
    final uk.nhs.safety.campaign.api.deploy.PartnerInstaller installer =
            new uk.nhs.safety.campaign.api.deploy.PartnerInstaller() {
                @Override
                public uk.nhs.safety.campaign.api.deploy.PartnerChange install(String url, String feature,
                                                                              boolean force, String actor) {
                    installs.add("install " + url + " " + feature + " " + force + " " + actor);
                    if (refusal != null) {
                        throw refusal;
                    }
                    return new uk.nhs.safety.campaign.api.deploy.PartnerChange("installed", feature, "1.0.0", null,
                            url, List.of("mvn:org.example/partner-foo/1.0.0"), List.of(), List.of(), List.of(),
                            false, java.time.Duration.ofMillis(1234));
                }

                @Override
                public uk.nhs.safety.campaign.api.deploy.PartnerChange uninstall(String feature, boolean force,
                                                                                String actor) {
                    installs.add("uninstall " + feature + " " + force + " " + actor);
                    return new uk.nhs.safety.campaign.api.deploy.PartnerChange("uninstalled", feature, "1.0.0", null,
                            null, List.of(), List.of(), List.of("org.example.partner-foo/1.0.0"), List.of(), false,
                            java.time.Duration.ofMillis(5));
                }
            };

    FakeCampaign() {
        members.put("RGT", member("RGT", 3));
        members.put("RJZ", member("RJZ", 1));
        actions.add(new PledgeAction(1, "RGT", Pledge.PUT_SAFETY_FIRST, "published action", "Medical Director",
                null, ActionStatus.PLANNED, true, T0, 2));
        actions.add(new PledgeAction(2, "RGT", Pledge.BE_HONEST, "draft action", "Chief Nurse", null,
                ActionStatus.PLANNED, false, null, 1));
        Measure falls = measure("falls", 0.9);
        PlanContent publishedContent = content("Published", List.of(falls));
        published = new PlanVersion("RGT", 1, T0, "ed", publishedContent);
        working = new SafetyPlan("RGT", content("Draft edit", List.of(measure("falls", 0.5), measure("draft-only",
                1.0))), PlanStatus.DRAFT, 1, T0, "ed", 5);
    }

    static Member member(String code, long version) {
        return new Member(code, "Trust " + code, OrganisationType.ACUTE, "London", null, LocalDate.of(2014, 6, 24),
                MemberStatus.ACTIVE, null, null, false, version);
    }

    static Measure measure(String key, double target) {
        return new Measure(key, key, MeasureType.OUTCOME, "def", "%", ImprovementDirection.DOWN, null, target,
                "aim", List.of());
    }

    static PlanContent content(String title, List<Measure> measures) {
        return new PlanContent(title, LocalDate.of(2015, 4, 1), LocalDate.of(2018, 3, 31), List.of("falls"),
                new DriverDiagram(title + " aim", List.of(), List.of(), List.of()), measures);
    }

    CampaignServices services() {
        return new CampaignServices(new Members(), new Pledges(), new Plans(), new Measures(), null, null,
                new Pdsa(), installer);
    }

    /** One cycle (C1#1, linked to falls, started in May 2015) and an annotation of April 2015 on falls. */
    private final class Pdsa implements PdsaService {
        final PdsaCycleInput first = new PdsaCycleInput("C1", List.of("falls"), "Bundle on ward 5", "Sister",
                LocalDate.of(2015, 5, 4), null, "All assessed in 6 hours", null, null, null, null, null, null);

        @Override
        public List<PdsaCycle> cycles(String odsCode, CallerAccess caller) {
            return List.of(new PdsaCycle(odsCode, 1, first, null, T0, "ed", 1));
        }

        @Override
        public PdsaCycle add(String actor, String odsCode, PdsaCycleInput cycle) {
            writes.add("pdsa add " + cycle.changeIdea() + " " + cycle.plan());
            return new PdsaCycle(odsCode, 2, cycle, null, T0, actor, 1);
        }

        @Override
        public PdsaCycle update(String actor, String odsCode, String changeIdea, int number, PdsaCycleInput cycle,
                                long expectedVersion) {
            writes.add("pdsa update " + changeIdea + "#" + number + " at " + expectedVersion);
            return new PdsaCycle(odsCode, number, cycle, null, T0, actor, expectedVersion + 1);
        }

        @Override
        public ChartNote annotate(String actor, String odsCode, String measureKey, LocalDate period, String text) {
            writes.add("annotate " + measureKey + " " + period + " " + text);
            return text == null ? null : ChartNote.annotation(period, text);
        }

        @Override
        public List<ChartNote> chartNotes(String odsCode, String measureKey, CallerAccess caller) {
            return List.of(ChartNote.annotation(LocalDate.of(2015, 4, 1), "new falls bundle on ward 5"),
                    new ChartNote(LocalDate.of(2015, 5, 1), first.plan(), "C1", 1, first.plannedStart(), null));
        }
    }

    private final class Members implements MemberService {
        @Override
        public ImportResult importOdsExtract(String actor, Reader source, String sourceName) {
            writes.add("import " + sourceName);
            return new ImportResult(0, 0, 0, 0, 0);
        }

        @Override
        public Member join(String actor, NewMember m) {
            writes.add("join " + m.odsCode());
            Member member = member(m.odsCode(), 0);
            members.put(m.odsCode(), member);
            return member;
        }

        @Override
        public Member withdraw(String actor, String odsCode, long expectedVersion) {
            Member current = members.get(odsCode);
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("member " + odsCode, expectedVersion, current.version());
            }
            writes.add("withdraw " + odsCode);
            return current;
        }

        @Override
        public Optional<Member> find(String odsCode) {
            return Optional.ofNullable(members.get(odsCode));
        }

        @Override
        public Page<Member> list(MemberQuery query) {
            List<Member> all = members.values().stream()
                    .sorted(java.util.Comparator.comparing(Member::odsCode)).toList();
            List<Member> page = all.stream().skip(query.offset()).limit(query.limit()).toList();
            return new Page<>(page, all.size(), query.offset(), query.limit());
        }

        /** Counted here by hand from the fake's own maps (core counts with SQL). */
        @Override
        public CampaignSummary summary() {
            java.util.TreeMap<java.time.YearMonth, Integer> byMonth = new java.util.TreeMap<>();
            members.values().forEach(m -> byMonth.merge(java.time.YearMonth.from(m.joined()), 1, Integer::sum));
            int active = (int) members.values().stream().filter(m -> m.status() == MemberStatus.ACTIVE).count();
            List<CampaignSummary.PublishedPlan> plans = published == null ? List.of()
                    : List.of(new CampaignSummary.PublishedPlan(published.odsCode(),
                            members.get(published.odsCode()).name(), published.content().title(),
                            published.number(), published.publishedAt()));
            return new CampaignSummary(members.size(), active, byMonth, plans);
        }
    }

    private final class Pledges implements PledgeService {
        @Override
        public List<PledgeAction> actions(String odsCode, boolean publishedOnly) {
            return actions.stream().filter(a -> a.odsCode().equals(odsCode))
                    .filter(a -> a.published() || !publishedOnly).toList();
        }

        @Override
        public PledgeAction addAction(String actor, String odsCode, NewAction a) {
            writes.add("add action " + a.text());
            return new PledgeAction(3, odsCode, a.pledge(), a.text(), a.ownerRole(), a.dueDate(), a.status(), false,
                    null, 0);
        }

        @Override
        public PledgeAction updateAction(String actor, String odsCode, long actionId, NewAction action,
                                         long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PledgeAction publishAction(String actor, String odsCode, long actionId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PledgeSummary summary(String odsCode) {
            Map<Pledge, Integer> published = new EnumMap<>(Pledge.class);
            Map<Pledge, Integer> drafts = new EnumMap<>(Pledge.class);
            for (Pledge p : Pledge.values()) {
                published.put(p, 0);
                drafts.put(p, 0);
            }
            for (PledgeAction a : actions(odsCode, false)) {
                (a.published() ? published : drafts).merge(a.pledge(), 1, Integer::sum);
            }
            return new PledgeSummary(odsCode, published, drafts);
        }
    }

    private final class Plans implements PlanService {
        @Override
        public Optional<SafetyPlan> plan(String odsCode) {
            return "RGT".equals(odsCode) ? Optional.of(working) : Optional.empty();
        }

        @Override
        public Optional<PlanVersion> latestPublished(String odsCode) {
            return "RGT".equals(odsCode) ? Optional.of(published) : Optional.empty();
        }

        /** Core's draft rule, as core states it: the working copy for editors, the latest published otherwise. */
        @Override
        public Optional<PlanContent> visibleContent(String odsCode, CallerAccess caller) {
            return caller.mayEdit(odsCode) ? plan(odsCode).map(SafetyPlan::content)
                    : latestPublished(odsCode).map(PlanVersion::content);
        }

        @Override
        public PlanVersion version(String odsCode, int number) {
            if ("RGT".equals(odsCode) && number == 1) {
                return published;
            }
            throw new NotFoundException("no version " + number);
        }

        @Override
        public List<PlanVersion> versions(String odsCode) {
            return "RGT".equals(odsCode) ? List.of(published) : List.of();
        }

        @Override
        public SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlanVersion publish(String actor, String odsCode, long expectedVersion) {
            writes.add("publish plan " + odsCode);
            return new PlanVersion(odsCode, 2, T0, actor, working.content());
        }

        @Override
        public List<FocusArea> focusAreas() {
            return List.of(new FocusArea("falls", "Falls"));
        }

        @Override
        public FocusArea addFocusArea(String actor, FocusArea area) {
            throw new UnsupportedOperationException();
        }
    }

    private final class Measures implements MeasureService {
        @Override
        public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                                  String annotation) {
            writes.add("record " + measureKey + " " + period + " " + value);
            return new Measurement(period, value, annotation);
        }

        @Override
        public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                                  Double denominator, String annotation) {
            if (denominator == null) {
                return record(actor, odsCode, measureKey, period, value, annotation);
            }
            writes.add("record " + measureKey + " " + period + " " + value + " out of " + denominator);
            return new Measurement(period, value, annotation, denominator);
        }

        @Override
        public List<Measurement> measurements(String odsCode, String measureKey) {
            return List.of();
        }

        @Override
        public MeasureProgress progress(String odsCode, String measureKey) {
            Measure m = working.content().measures().stream().filter(x -> x.key().equals(measureKey)).findFirst()
                    .orElseThrow(() -> new NotFoundException(measureKey));
            return new MeasureProgress(odsCode, m, new SpcResult(List.of(), List.of(), Variation.COMMON_CAUSE,
                    Assurance.NOT_APPLICABLE, true));
        }

        /** The measure as the caller may see it, analysed against its target (recorded in analysedTargets). */
        @Override
        public MeasureProgress progress(String odsCode, String measureKey, CallerAccess caller) {
            Measure m = new Plans().visibleContent(odsCode, caller).flatMap(c -> c.measures().stream()
                            .filter(x -> x.key().equals(measureKey)).findFirst())
                    .orElseThrow(() -> new NotFoundException("member " + odsCode + " has no measure '" + measureKey
                            + "' in a plan you may see"));
            analysedTargets.add(m.target());
            return new MeasureProgress(odsCode, m, new SpcResult(List.of(), List.of(), Variation.COMMON_CAUSE,
                    Assurance.NOT_APPLICABLE, true));
        }

        /** Every measure of the plan the caller may see, each as {@link #progress(String, String, CallerAccess)}. */
        @Override
        public List<MeasureProgress> allProgress(String odsCode, CallerAccess caller) {
            return new Plans().visibleContent(odsCode, caller).map(c -> c.measures().stream()
                    .map(m -> progress(odsCode, m.key(), caller)).toList()).orElse(List.of());
        }
    }
}
