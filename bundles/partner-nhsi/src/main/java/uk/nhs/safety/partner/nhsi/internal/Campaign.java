package uk.nhs.safety.partner.nhsi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;

/** What the partner reads of the campaign: its members and their published plans (core's services, or a fake). */
public interface Campaign {

    /**
     * A member's plan as the alignment reads it.
     *
     * @param status         {@code published}, {@code unpublished} (a working copy only) or {@code none}
     * @param version        the latest published version, 0 when none
     * @param content        the latest published content, or null
     * @param firstPublished when its first version was published, or null
     */
    record Plan(String status, int version, PlanContent content, Instant firstPublished) {
        /** No plan at all. */
        public static final Plan NONE = new Plan("none", 0, null, null);
    }

    /** The member with this (upper-case) ODS code. */
    Optional<Member> member(String ods);

    /** Every member, by ODS code. */
    List<Member> members();

    /** The member's plan. */
    Plan plan(String ods);

    /** A measure of the member's working plan (the one measurements are recorded against). */
    Optional<Measure> measure(String ods, String key);

    /** The values recorded for a measure, oldest first. */
    List<Measurement> measurements(String ods, String key);

    /** Records (or replaces) a measure's value for a period; audited by core. */
    void record(String actor, String ods, String key, LocalDate period, double value, String note);

    /** The campaign through core's services. */
    static Campaign of(MemberService members, PlanService plans, MeasureService measures) {
        return new Campaign() {
            @Override
            public Optional<Member> member(String ods) {
                return members.find(ods);
            }

            @Override
            public List<Member> members() {
                return members.all().toList();
            }

            @Override
            public Plan plan(String ods) {
                Optional<SafetyPlan> plan = plans.plan(ods);
                if (plan.isEmpty()) {
                    return Plan.NONE;
                }
                int n = plan.get().publishedVersion();
                if (n == 0) {
                    return new Plan("unpublished", 0, null, null);
                }
                PlanVersion latest = plans.version(ods, n);
                Instant first = n == 1 ? latest.publishedAt() : plans.version(ods, 1).publishedAt();
                return new Plan("published", n, latest.content(), first);
            }

            @Override
            public Optional<Measure> measure(String ods, String key) {
                return plans.plan(ods).flatMap(p -> p.content().measures().stream()
                        .filter(m -> m.key().equals(key)).findFirst());
            }

            @Override
            public List<Measurement> measurements(String ods, String key) {
                return measures.measurements(ods, key);
            }

            @Override
            public void record(String actor, String ods, String key, LocalDate period, double value, String note) {
                measures.record(actor, ods, key, period, value, note);
            }
        };
    }
}
