package uk.nhs.safety.campaign.console.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanStatus;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.SafetyPlan;

/** Working plans in a map; saving bumps the version and makes the plan a draft, as core does. */
final class FakePlanService implements PlanService {

    final Map<String, SafetyPlan> plans = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<SafetyPlan> plan(String odsCode) {
        return Optional.ofNullable(plans.get(odsCode));
    }

    @Override
    public PlanVersion version(String odsCode, int number) {
        throw new NotFoundException("no version " + number + " of the plan of '" + odsCode + "'");
    }

    @Override
    public List<PlanVersion> versions(String odsCode) {
        return List.of();
    }

    @Override
    public SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion) {
        calls.add("save " + actor + " " + odsCode + " expected " + expectedVersion);
        SafetyPlan old = plans.get(odsCode);
        SafetyPlan saved = new SafetyPlan(odsCode, content, PlanStatus.DRAFT, old == null ? 0 : old.publishedVersion(),
                Instant.EPOCH, actor, old == null ? 1 : old.version() + 1);
        plans.put(odsCode, saved);
        return saved;
    }

    @Override
    public PlanVersion publish(String actor, String odsCode, long expectedVersion) {
        calls.add("publish " + actor + " " + odsCode + " expected " + expectedVersion);
        SafetyPlan p = plans.get(odsCode);
        return new PlanVersion(odsCode, p.publishedVersion() + 1, Instant.EPOCH, actor, p.content());
    }

    @Override
    public List<FocusArea> focusAreas() {
        return List.of(new FocusArea("falls", "Falls"));
    }

    @Override
    public FocusArea addFocusArea(String actor, FocusArea area) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Optional<uk.nhs.safety.campaign.api.PlanVersion> latestPublished(String odsCode) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public java.util.Optional<uk.nhs.safety.campaign.api.PlanContent> visibleContent(String odsCode,
            uk.nhs.safety.campaign.api.access.CallerAccess caller) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
