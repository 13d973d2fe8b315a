package uk.nhs.safety.partner.nhsi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import uk.nhs.safety.campaign.api.Measure;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.OrganisationType;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.spc.Assurance;
import uk.nhs.safety.campaign.api.spc.SpcAnalyser;
import uk.nhs.safety.campaign.api.spc.SpcPhase;
import uk.nhs.safety.campaign.api.spc.SpcPoint;
import uk.nhs.safety.campaign.api.spc.SpcResult;
import uk.nhs.safety.campaign.api.spc.Variation;

/** Test doubles for core's services. */
public final class Fakes {

    private Fakes() {
    }

    /** A campaign of members and plans held in maps. */
    public static final class FakeCampaign implements Campaign {
        final Map<String, Member> members = new TreeMap<>();
        final Map<String, Plan> plans = new TreeMap<>();

        public FakeCampaign member(String ods, OrganisationType type, String region, String postcode) {
            members.put(ods, new Member(ods, "Trust " + ods, type, region, postcode, LocalDate.of(2014, 6, 24),
                    MemberStatus.ACTIVE, null, null, false, 1));
            return this;
        }

        public FakeCampaign plan(String ods, PlanContent content, Instant published) {
            plans.put(ods, new Plan("published", 1, content, published));
            return this;
        }

        public FakeCampaign draft(String ods) {
            plans.put(ods, new Plan("unpublished", 0, null, null));
            return this;
        }

        @Override
        public Optional<Member> member(String ods) {
            return Optional.ofNullable(members.get(ods));
        }

        @Override
        public List<Member> members() {
            return new ArrayList<>(members.values());
        }

        @Override
        public Plan plan(String ods) {
            return plans.getOrDefault(ods, Plan.NONE);
        }

        /** Measures of working plans, by ODS code and key; recorded values by ODS code, key and period. */
        final Map<String, Measure> measures = new TreeMap<>();
        final Map<String, Map<LocalDate, Double>> values = new TreeMap<>();
        /** Every record call, as "ODS key period value actor". */
        final List<String> recorded = new ArrayList<>();

        public FakeCampaign measure(String ods, Measure measure) {
            measures.put(ods + "/" + measure.key(), measure);
            return this;
        }

        @Override
        public Optional<Measure> measure(String ods, String key) {
            return Optional.ofNullable(measures.get(ods + "/" + key));
        }

        @Override
        public List<Measurement> measurements(String ods, String key) {
            return values.getOrDefault(ods + "/" + key, Map.of()).entrySet().stream()
                    .map(e -> new Measurement(e.getKey(), e.getValue(), null)).toList();
        }

        @Override
        public void record(String actor, String ods, String key, LocalDate period, double value, String note) {
            values.computeIfAbsent(ods + "/" + key, k -> new TreeMap<>()).put(period, value);
            recorded.add(ods + " " + key + " " + period + " " + value + " " + actor);
        }
    }

    /** An analyser that only works out the mean (limits = mean): enough to see the series handed on. */
    public static SpcAnalyser meanOnly() {
        return (points, direction, target, rebaseFrom) -> {
            double mean = points.stream().mapToDouble(p -> p.value()).average().orElse(0);
            List<SpcPoint> out = points.stream().map(p -> new SpcPoint(p.period(), p.value(), null, mean, mean, mean,
                    null, Variation.COMMON_CAUSE, 0)).toList();
            List<SpcPhase> phases = points.isEmpty() ? List.of()
                    : List.of(new SpcPhase(points.get(0).period(), points.size(), mean, 0, mean, mean, true));
            return new SpcResult(out, phases, Variation.COMMON_CAUSE, Assurance.NOT_APPLICABLE, true);
        };
    }
}
