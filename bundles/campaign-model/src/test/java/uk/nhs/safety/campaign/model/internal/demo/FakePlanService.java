package uk.nhs.safety.campaign.model.internal.demo;

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
import uk.nhs.safety.campaign.api.StaleVersionException;

/** In-memory plans with version checks; refuses plans of unknown members. */
final class FakePlanService implements PlanService {

    private final FakeMemberService members;
    final Map<String, SafetyPlan> plans = new HashMap<>();
    final Map<String, List<PlanVersion>> published = new HashMap<>();
    int saveCalls;
    RuntimeException failOnSave;

    FakePlanService(FakeMemberService members) {
        this.members = members;
    }

    @Override
    public Optional<SafetyPlan> plan(String odsCode) {
        return Optional.ofNullable(plans.get(odsCode));
    }

    @Override
    public PlanVersion version(String odsCode, int number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PlanVersion> versions(String odsCode) {
        return published.getOrDefault(odsCode, List.of());
    }

    @Override
    public SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion) {
        saveCalls++;
        if (failOnSave != null) {
            throw failOnSave;
        }
        if (members.find(odsCode).isEmpty()) {
            throw new NotFoundException("no member " + odsCode);
        }
        SafetyPlan current = plans.get(odsCode);
        if (current == null ? expectedVersion != null : !Long.valueOf(current.version()).equals(expectedVersion)) {
            throw new StaleVersionException("plan " + odsCode, expectedVersion == null ? 0 : expectedVersion,
                    current == null ? 0 : current.version());
        }
        long version = current == null ? 1 : current.version() + 1;
        SafetyPlan plan = new SafetyPlan(odsCode, content, PlanStatus.DRAFT,
                current == null ? 0 : current.publishedVersion(), Instant.EPOCH, actor, version);
        plans.put(odsCode, plan);
        return plan;
    }

    @Override
    public PlanVersion publish(String actor, String odsCode, long expectedVersion) {
        SafetyPlan current = plans.get(odsCode);
        if (current == null || current.version() != expectedVersion) {
            throw new StaleVersionException("plan " + odsCode, expectedVersion, current == null ? 0 : current.version());
        }
        int number = current.publishedVersion() + 1;
        PlanVersion version = new PlanVersion(odsCode, number, Instant.EPOCH, actor, current.content());
        published.computeIfAbsent(odsCode, k -> new ArrayList<>()).add(version);
        plans.put(odsCode, new SafetyPlan(odsCode, current.content(), PlanStatus.PUBLISHED, number, Instant.EPOCH,
                actor, current.version() + 1));
        return version;
    }

    @Override
    public List<FocusArea> focusAreas() {
        throw new UnsupportedOperationException();
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
