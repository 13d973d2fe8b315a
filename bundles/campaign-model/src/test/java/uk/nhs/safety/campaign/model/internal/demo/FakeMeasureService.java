package uk.nhs.safety.campaign.model.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.NotFoundException;

/** In-memory measurements; like the real service, refuses a key that is not a measure of the member's plan. */
final class FakeMeasureService implements MeasureService {

    private final FakePlanService plans;
    final Map<String, List<Measurement>> values = new LinkedHashMap<>();

    FakeMeasureService(FakePlanService plans) {
        this.plans = plans;
    }

    @Override
    public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                              String annotation) {
        return record(actor, odsCode, measureKey, period, value, null, annotation);
    }

    @Override
    public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                              Double denominator, String annotation) {
        boolean known = plans.plan(odsCode).map(p -> p.content().measures().stream()
                .anyMatch(m -> m.key().equals(measureKey))).orElse(false);
        if (!known) {
            throw new NotFoundException("no measure " + measureKey + " in the plan of " + odsCode);
        }
        Measurement m = new Measurement(period, value, annotation, denominator);
        values.computeIfAbsent(odsCode + "/" + measureKey, k -> new ArrayList<>()).add(m);
        return m;
    }

    @Override
    public List<Measurement> measurements(String odsCode, String measureKey) {
        return values.getOrDefault(odsCode + "/" + measureKey, List.of());
    }

    @Override
    public MeasureProgress progress(String odsCode, String measureKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public uk.nhs.safety.campaign.api.MeasureProgress progress(String odsCode, String measureKey,
            uk.nhs.safety.campaign.api.access.CallerAccess caller) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
