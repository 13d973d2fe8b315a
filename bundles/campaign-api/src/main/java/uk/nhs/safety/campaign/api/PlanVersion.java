package uk.nhs.safety.campaign.api;

import java.time.Instant;

/**
 * An immutable published version of a plan. Versions are numbered 1, 2, 3… per member and never change.
 *
 * @param odsCode     the member
 * @param number      the version number
 * @param publishedAt when it was published
 * @param publishedBy who published it
 * @param content     the content as published
 */
public record PlanVersion(String odsCode, int number, Instant publishedAt, String publishedBy, PlanContent content) {
}
