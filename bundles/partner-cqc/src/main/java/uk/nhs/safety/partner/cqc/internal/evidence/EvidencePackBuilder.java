package uk.nhs.safety.partner.cqc.internal.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.ChangeIdea;
import uk.nhs.safety.campaign.api.DriverDiagram;
import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PrimaryDriver;
import uk.nhs.safety.campaign.api.SecondaryDriver;
import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.EvidenceItem;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.partner.cqc.internal.data.Registration;
import uk.nhs.safety.partner.cqc.internal.framework.CqcFramework;
import uk.nhs.safety.partner.cqc.internal.framework.ItemKind;
import uk.nhs.safety.partner.cqc.internal.framework.KeyQuestion;
import uk.nhs.safety.partner.cqc.internal.framework.MappingRules;
import uk.nhs.safety.partner.cqc.internal.framework.QualityStatement;

/**
 * Builds a member's evidence pack through the campaign API only. Only published material is read: published pledge
 * actions, and the latest plan version published by the end of the period (never the working copy). The period
 * picks that plan version, the actions published by its end, and the measurements within it. Thread-safe.
 */
public final class EvidencePackBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(EvidencePackBuilder.class);

    private final MemberService members;
    private final PledgeService pledges;
    private final PlanService plans;
    private final MeasureService measures;
    private final Clock clock;

    public EvidencePackBuilder(MemberService members, PledgeService pledges, PlanService plans,
                               MeasureService measures, Clock clock) {
        this.members = members;
        this.pledges = pledges;
        this.plans = plans;
        this.measures = measures;
        this.clock = clock;
    }

    /** Today in the builder's time zone (the default end of a period). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What a pack draws on beyond the campaign's own data.
     *
     * @param registrations the member's CQC providers and locations (imported CQC data), providers first
     * @param overrides     per-item mapping overrides, by {@code kind:key}: the statement ids that item is evidence for
     * @param contributors  the partners' evidence contributors installed now
     */
    public record Sources(List<Registration> registrations, Map<String, List<String>> overrides,
                          List<EvidenceContributor> contributors) {
        /** Nothing beyond the campaign's data. */
        public static final Sources NONE = new Sources(List.of(), Map.of(), List.of());

        public Sources {
            registrations = List.copyOf(registrations);
            overrides = Map.copyOf(overrides);
            contributors = List.copyOf(contributors);
        }
    }

    /**
     * Builds the pack from the campaign's data only.
     *
     * @throws NotFoundException when no member has this ODS code
     */
    public EvidencePack build(CqcFramework cqc, String odsCode, EvidencePack.Period period) {
        return build(cqc, odsCode, period, Sources.NONE);
    }

    /**
     * Builds the pack: the campaign's data, partners' evidence, CQC's current ratings, per-item overrides.
     *
     * @throws NotFoundException when no member has this ODS code
     */
    public EvidencePack build(CqcFramework cqc, String odsCode, EvidencePack.Period period, Sources sources) {
        Member member = member(odsCode);
        String ods = member.odsCode();
        MappingRules rules = cqc.rules();
        ZoneId zone = clock.getZone();

        List<Mapped> items = new ArrayList<>();
        for (PledgeAction a : pledges.actions(ods, true)) {
            // The service already leaves drafts out; checking again costs nothing and keeps drafts out for certain.
            if (a.published() && a.publishedAt() != null
                    && !a.publishedAt().atZone(zone).toLocalDate().isAfter(period.to())) {
                items.add(new Mapped(new EvidencePack.Item(ItemKind.ACTION.id(), String.valueOf(a.id()), a.text(),
                        rules.categoryOf(ItemKind.ACTION), a.pledge().number(), a.status(), a.dueDate(),
                        a.publishedAt(), null), rules.forPledge(a.pledge())));
            }
        }

        Optional<PlanVersion> version = plans.versions(ods).stream()
                .filter(v -> !v.publishedAt().atZone(zone).toLocalDate().isAfter(period.to()))
                .reduce((older, newer) -> newer);
        EvidencePack.PlanRef planRef = null;
        if (version.isPresent()) {
            PlanContent content = version.get().content();
            DriverDiagram d = content.diagram();
            planRef = new EvidencePack.PlanRef(version.get().number(), content.title(), version.get().publishedAt(),
                    content.periodStart(), content.periodEnd(), d == null ? null : d.aim(), content.focusAreas());
            Set<String> statements = new LinkedHashSet<>();
            content.focusAreas().forEach(code -> statements.addAll(rules.forFocusArea(code)));
            List<String> planStatements = List.copyOf(statements);
            if (d != null) {
                for (PrimaryDriver p : d.primaryDrivers()) {
                    items.add(new Mapped(planItem(rules, ItemKind.PRIMARY_DRIVER, p.key(), p.text(), null),
                            planStatements));
                }
                for (SecondaryDriver s : d.secondaryDrivers()) {
                    items.add(new Mapped(planItem(rules, ItemKind.SECONDARY_DRIVER, s.key(), s.text(), null),
                            planStatements));
                }
                for (ChangeIdea c : d.changeIdeas()) {
                    items.add(new Mapped(planItem(rules, ItemKind.CHANGE_IDEA, c.key(), c.text(), null),
                            planStatements));
                }
            }
            for (Measure m : content.measures()) {
                ItemKind kind = ItemKind.of(m.type());
                items.add(new Mapped(planItem(rules, kind, m.key(), m.name(), spc(ods, m, period)), planStatements));
            }
        }

        List<String> unavailable = new ArrayList<>();
        for (EvidenceContributor contributor : sources.contributors()) {
            List<EvidenceItem> offered;
            try {
                offered = contributor.evidence(ods, period.from(), period.to());
            } catch (RuntimeException e) {
                // One partner failing must not cost the inspector the rest of the pack: say which source is missing.
                LOG.warn("Evidence from {} about {} is unavailable", contributor.source(), ods, e);
                unavailable.add(contributor.source() + ": " + e.getMessage());
                continue;
            }
            for (EvidenceItem e : offered) {
                Set<String> statements = new LinkedHashSet<>();
                e.pledges().stream().sorted().forEach(p -> statements.addAll(rules.forPledge(p)));
                e.focusAreas().stream().sorted().forEach(f -> statements.addAll(rules.forFocusArea(f)));
                items.add(new Mapped(new EvidencePack.Item(e.kind(), e.source() + ":" + e.reference(),
                        e.title() + (e.summary() == null || e.summary().isBlank() ? "" : ". " + e.summary()),
                        categoryOf(cqc, e.category()), null, null, null, null, null, e.source(), null),
                        List.copyOf(statements)));
            }
        }

        Map<String, List<EvidencePack.Item>> byStatement = new LinkedHashMap<>();
        List<EvidencePack.Item> unmapped = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Mapped m = items.get(i);
            List<String> chosen = sources.overrides().get(m.item().kind() + ":" + m.item().key());
            if (chosen != null) {
                m = new Mapped(m.item().overridden(), chosen);
                items.set(i, m);
            }
        }
        for (Mapped m : items) {
            if (m.statements().isEmpty()) {
                unmapped.add(m.item());
            }
            m.statements().forEach(id -> byStatement.computeIfAbsent(id, k -> new ArrayList<>()).add(m.item()));
        }

        List<EvidencePack.KeyQuestionEvidence> questions = new ArrayList<>();
        List<EvidencePack.Gap> gaps = new ArrayList<>();
        for (KeyQuestion k : cqc.framework().keyQuestions()) {
            List<EvidencePack.StatementEvidence> statements = new ArrayList<>();
            for (QualityStatement s : k.statements()) {
                List<EvidencePack.Item> evidence = byStatement.getOrDefault(s.id(), List.of());
                statements.add(new EvidencePack.StatementEvidence(s.id(), s.name(), evidence.isEmpty(), evidence));
                if (evidence.isEmpty()) {
                    gaps.add(new EvidencePack.Gap(s.id(), s.name(), k.name()));
                }
            }
            questions.add(new EvidencePack.KeyQuestionEvidence(k.id(), k.name(), statements,
                    currentRating(sources.registrations(), k.name())));
        }
        List<EvidencePack.CqcRegistration> registrations = sources.registrations().stream()
                .map(r -> new EvidencePack.CqcRegistration(r.cqcId(), r.kind(), r.name(), r.odsCode(),
                        r.registrationStatus(), r.overallRating(), r.overallDate()))
                .toList();
        return new EvidencePack(ods, member.name(),
                new EvidencePack.FrameworkRef(cqc.framework().version(), cqc.framework().title()), period,
                clock.instant(), planRef, questions, gaps, unmapped, registrations, unavailable);
    }

    /**
     * The rating CQC gives the member for a key question now: its registered provider's when there is one (CQC rates
     * NHS trusts at provider level), else its one registered location's; none when that is ambiguous or unrated.
     */
    private static EvidencePack.CurrentRating currentRating(List<Registration> registrations, String keyQuestion) {
        List<Registration> registered = registrations.stream()
                .filter(r -> !"Deregistered".equals(r.registrationStatus())).toList();
        List<Registration> providers = registered.stream().filter(r -> r.kind().equals("provider")).toList();
        List<Registration> rated = providers.size() == 1 ? providers
                : providers.isEmpty() && registered.size() == 1 ? registered : List.of();
        for (Registration r : rated) {
            for (Registration.KeyQuestionRating q : r.keyQuestions()) {
                if (q.name() != null && q.name().equalsIgnoreCase(keyQuestion)) {
                    return new EvidencePack.CurrentRating(q.rating(), q.reportDate(), r.cqcId());
                }
            }
        }
        return null;
    }

    /** The framework's evidence category for a contributor's general category words, or {@code null}. */
    private static String categoryOf(CqcFramework cqc, String category) {
        if (category == null) {
            return null;
        }
        String c = category.toLowerCase(Locale.ROOT);
        String id = switch (c) {
            case "people's experience", "peoples experience" -> "peoples-experience";
            case "staff feedback" -> "feedback-from-staff-and-leaders";
            case "partner feedback" -> "feedback-from-partners";
            default -> c.replace(' ', '-');
        };
        return cqc.framework().evidenceCategories().stream().anyMatch(e -> e.id().equals(id)) ? id : null;
    }

    /**
     * The member with this ODS code.
     *
     * @throws NotFoundException when there is none
     */
    public Member member(String odsCode) {
        return members.find(odsCode).orElseThrow(() -> new NotFoundException("no member with ODS code " + odsCode));
    }

    /** The ODS codes of every member, in the directory's order. */
    public List<String> memberCodes() {
        List<String> codes = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Member> page = members.list(new MemberQuery(null, null, null, null, offset, MemberQuery.MAX_LIMIT));
            page.items().forEach(m -> codes.add(m.odsCode()));
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return codes;
            }
        }
    }

    private static EvidencePack.Item planItem(MappingRules rules, ItemKind kind, String key, String text,
                                              EvidencePack.SpcSummary spc) {
        return new EvidencePack.Item(kind.id(), key, text, rules.categoryOf(kind), null, null, null, null, spc);
    }

    private EvidencePack.SpcSummary spc(String ods, Measure m, EvidencePack.Period period) {
        MeasureProgress progress;
        try {
            progress = measures.progress(ods, m.key());
        } catch (NotFoundException e) {
            // A measure of a published version may have left the current plan: its values can no longer be read,
            // but the measure itself is still evidence.
            LOG.debug("No progress for measure {} of {}: {}", m.key(), ods, e.getMessage());
            return new EvidencePack.SpcSummary(m.unit(), m.direction(), m.target(), 0, null, null, null, null, false);
        }
        SpcResult r = progress.spc();
        List<SpcPoint> within = r.points().stream()
                .filter(p -> !p.period().isBefore(period.from()) && !p.period().isAfter(period.to()))
                .toList();
        SpcPoint latest = within.isEmpty() ? null : within.get(within.size() - 1);
        // the target the assurance was judged against: a trajectory's step in force at the latest point
        return new EvidencePack.SpcSummary(m.unit(), m.direction(), r.target() != null ? r.target() : m.target(),
                within.size(),
                latest == null ? null : latest.period(), latest == null ? null : latest.value(),
                latest == null ? null : latest.variation(), r.assurance(), r.provisional());
    }

    private record Mapped(EvidencePack.Item item, List<String> statements) {
    }
}
