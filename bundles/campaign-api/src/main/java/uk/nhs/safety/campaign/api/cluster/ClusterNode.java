package uk.nhs.safety.campaign.api.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One node as it last recorded itself in the database.
 *
 * @param id        the node's id ({@link LocalNode#id()})
 * @param version   the version of the platform's core it runs
 * @param startedAt when it started
 * @param lastSeen  its last heartbeat (or when it stopped)
 * @param state     up, missing (no heartbeat for several intervals: killed, hung or cut off) or stopped
 * @param partners  the partners installed on it and their health at its last heartbeat, ordered by id
 */
public record ClusterNode(String id, String version, Instant startedAt, Instant lastSeen, NodeState state,
                          List<NodePartner> partners) {

    public ClusterNode {
        partners = List.copyOf(partners);
    }
}
