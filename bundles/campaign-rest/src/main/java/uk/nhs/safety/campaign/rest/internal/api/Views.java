package uk.nhs.safety.campaign.rest.internal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;

/**
 * JSON shapes of the API where they differ from the contract's records (derived fields, hidden drafts, summaries).
 * The contract's records are written as they are everywhere else.
 */
public final class Views {

    private Views() {
    }

    /** A pledge of the catalogue. */
    public record PledgeView(int number, Pledge name, String title, String description) {
        static PledgeView of(Pledge p) {
            return new PledgeView(p.number(), p, p.title(), p.description());
        }
    }

    /** A member, with {@code closed} spelled out. */
    public record MemberView(String odsCode, String name, OrganisationType type, String region, String postcode,
                             LocalDate joined, MemberStatus status, LocalDate openDate, LocalDate closeDate,
                             boolean closed, boolean demo, long version) {
        static MemberView of(Member m) {
            return new MemberView(m.odsCode(), m.name(), m.type(), m.region(), m.postcode(), m.joined(), m.status(),
                    m.openDate(), m.closeDate(), m.closed(), m.demo(), m.version());
        }
    }

    /** One page of a list. */
    public record PageView<T>(List<T> items, long total, int offset, int limit) {
        static PageView<MemberView> members(Page<Member> page) {
            return new PageView<>(page.items().stream().map(MemberView::of).toList(), page.total(), page.offset(),
                    page.limit());
        }
    }

    /** A member's pledge page at a glance; {@code drafts} only for callers who may edit the member. */
    public record PledgePageView(String odsCode, boolean pagePublished, List<Integer> missing,
                                 List<PledgeCount> pledges) {
        static PledgePageView of(PledgeSummary s, boolean withDrafts) {
            List<PledgeCount> counts = java.util.Arrays.stream(Pledge.values())
                    .map(p -> new PledgeCount(p.number(), p.title(), s.published().getOrDefault(p, 0),
                            withDrafts ? s.drafts().getOrDefault(p, 0) : null))
                    .toList();
            List<Integer> missing = s.missing().stream().map(Pledge::number).sorted().toList();
            return new PledgePageView(s.odsCode(), s.pagePublished(), missing, counts);
        }
    }

    /** Counts for one pledge. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PledgeCount(int number, String title, int published, Integer drafts) {
    }

    /** A published plan version in the versions list (without its content). */
    public record VersionSummary(int number, Instant publishedAt, String publishedBy, String title) {
        static VersionSummary of(PlanVersion v) {
            return new VersionSummary(v.number(), v.publishedAt(), v.publishedBy(), v.content().title());
        }
    }

    /** The latest value of a measure. */
    public record Latest(LocalDate period, double value) {
    }

    /** A measure with the state of its chart. */
    public record MeasureSummary(Measure measure, int points, Latest latest, Variation variation,
                                 Assurance assurance, boolean provisional) {
        static MeasureSummary of(Measure measure, SpcResult spc) {
            Latest latest = spc.points().isEmpty() ? null
                    : new Latest(spc.points().get(spc.points().size() - 1).period(),
                            spc.points().get(spc.points().size() - 1).value());
            return new MeasureSummary(measure, spc.points().size(), latest, spc.variation(), spc.assurance(),
                    spc.provisional());
        }
    }

    /**
     * A measurement to record: {@code period} as {@code yyyy-mm-dd} or {@code yyyy-mm} (the first of the month).
     * The value is boxed so that a missing value is reported as missing, not read as 0. The denominator (what a
     * p or u chart's count is out of) is optional here; the measure service says when it is required.
     */
    public record MeasurementInput(String period, Double value, String annotation, Double denominator) {
    }

    /**
     * A measure's chart: the measure, its analysis, and what to show at its periods (annotations, and the markers of
     * the PDSA cycles linked to it).
     */
    public record ChartView(String odsCode, Measure measure, SpcResult spc,
                            List<uk.nhs.safety.campaign.api.pdsa.ChartNote> notes) {
    }

    /** An annotation to set on a measured period; blank or {@code null} text deletes it. */
    public record AnnotationInput(String text) {
    }

    /** Members who joined in one month, and the running total of members who had joined by its end. */
    public record MonthCount(String month, int joined, int total) {
    }

    /** A member's latest published plan version, for the national dashboard. */
    public record PublishedPlan(String odsCode, String name, String title, int version, Instant publishedAt) {
    }

    /**
     * The campaign at a glance: members (all, active, withdrawn), sign-ups by month (oldest first, every month from the
     * first sign-up to the last, gaps included), and the members with a published plan.
     */
    public record CampaignSummary(Instant asOf, int members, int active, int withdrawn,
                                  List<MonthCount> joinedByMonth, int plansPublished,
                                  List<PublishedPlan> publishedPlans) {
        static CampaignSummary of(Instant asOf, uk.nhs.safety.campaign.api.CampaignSummary summary) {
            java.util.SortedMap<java.time.YearMonth, Integer> byMonth = summary.joinedByMonth();
            List<MonthCount> months = new java.util.ArrayList<>();
            if (!byMonth.isEmpty()) {
                int total = 0;
                for (java.time.YearMonth ym = byMonth.firstKey(); !ym.isAfter(byMonth.lastKey()); ym = ym.plusMonths(1)) {
                    int joined = byMonth.getOrDefault(ym, 0);
                    total += joined;
                    months.add(new MonthCount(ym.toString(), joined, total));
                }
            }
            List<PublishedPlan> sorted = summary.publishedPlans().stream()
                    .map(p -> new PublishedPlan(p.odsCode(), p.name(), p.title(), p.version(), p.publishedAt()))
                    .sorted(java.util.Comparator.comparing(PublishedPlan::odsCode)).toList();
            return new CampaignSummary(asOf, summary.members(), summary.active(), summary.members() - summary.active(),
                    months, sorted.size(), sorted);
        }
    }

    /** The body of {@code POST /admin/partners/install}: a partner's features repository and feature. */
    public record PartnerInstallRequest(String repositoryUrl, String feature, Boolean force) {
    }

    /** The body of {@code POST /admin/partners/uninstall}. */
    public record PartnerUninstallRequest(String feature, Boolean force) {
    }

    /** What a partner install, upgrade or removal did, as the API answers it. */
    public record PartnerChangeView(String action, String feature, String version, String previousVersion,
                                    String repository, List<String> installed, List<String> updated,
                                    List<String> uninstalled, List<String> refreshed, boolean forced,
                                    long tookMillis) {

        static PartnerChangeView of(uk.nhs.safety.campaign.api.deploy.PartnerChange c) {
            return new PartnerChangeView(c.action(), c.feature(), c.version(), c.previousVersion(), c.repository(),
                    c.installed(), c.updated(), c.uninstalled(), c.refreshed(), c.forced(), c.took().toMillis());
        }
    }
}
