package uk.nhs.safety.campaign.console.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;

/** Records what the console asked to record; answers progress with a prepared analysis. */
final class FakeMeasureService implements MeasureService {

    final List<String> recorded = new ArrayList<>();
    MeasureProgress progress;

    @Override
    public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                              String annotation) {
        recorded.add(actor + " " + odsCode + " " + measureKey + " " + period + " " + value + " " + annotation);
        return new Measurement(period, value, annotation);
    }

    @Override
    public List<Measurement> measurements(String odsCode, String measureKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MeasureProgress progress(String odsCode, String measureKey) {
        return progress;
    }

    @Override
    public uk.nhs.safety.campaign.api.MeasureProgress progress(String odsCode, String measureKey,
            uk.nhs.safety.campaign.api.access.CallerAccess caller) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
