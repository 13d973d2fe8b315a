package uk.nhs.safety.campaign.api;

import java.time.Instant;

/**
 * A member's current safety improvement plan (the working copy).
 *
 * @param odsCode          the member
 * @param content          the current content
 * @param status           {@link PlanStatus#PUBLISHED} when the content is exactly the latest published version
 * @param publishedVersion number of the latest published version, 0 when never published
 * @param updatedAt        last change
 * @param updatedBy        who made it
 * @param version          optimistic-locking version of the working copy; pass it back on save and publish
 */
public record SafetyPlan(String odsCode, PlanContent content, PlanStatus status, int publishedVersion,
                         Instant updatedAt, String updatedBy, long version) {
}
