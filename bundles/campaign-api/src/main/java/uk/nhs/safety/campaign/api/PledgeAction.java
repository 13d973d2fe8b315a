package uk.nhs.safety.campaign.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action a member commits to under one pledge.
 *
 * @param id          identity, assigned by core
 * @param odsCode     the member
 * @param pledge      the pledge it serves
 * @param text        what will be done (1 to 2000 characters)
 * @param ownerRole   the role accountable, e.g. "Medical Director" (not a person's name)
 * @param dueDate     when it is due, or {@code null}
 * @param status      planned, in progress or done
 * @param published   true once published for staff, patients and the public; drafts are never shown publicly
 * @param publishedAt when it was published, or {@code null}
 * @param version     optimistic-locking version
 */
public record PledgeAction(long id, String odsCode, Pledge pledge, String text, String ownerRole, LocalDate dueDate,
                           ActionStatus status, boolean published, Instant publishedAt, long version) {
}
