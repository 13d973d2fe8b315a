package uk.nhs.safety.campaign.api;

import java.time.Instant;

/**
 * One write, as the audit trail keeps it.
 *
 * @param id      sequence number, increasing
 * @param at      when
 * @param actor   who (a user name, a partner id, or {@code system:…} for the platform itself)
 * @param odsCode the member concerned, or {@code null} for campaign-wide changes
 * @param action  what kind of change, e.g. {@code member.joined}, {@code plan.published}
 * @param subject what was changed, e.g. {@code action 42}, {@code measure falls-per-1000 2015-04-01}
 * @param detail  the change in a line, including old values where something was replaced
 */
public record AuditEntry(long id, Instant at, String actor, String odsCode, String action, String subject,
                         String detail) {
}
