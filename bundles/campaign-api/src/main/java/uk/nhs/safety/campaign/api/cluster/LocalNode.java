package uk.nhs.safety.campaign.api.cluster;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This node of the platform. Provided by core (configuration PID {@code uk.nhs.safety.campaign.node}).
 */
@ProviderType
public interface LocalNode {

    /**
     * The node's id, unique among the nodes sharing a database and stable across restarts: the configured {@code id},
     * or else the host name and a random suffix chosen on the node's first start (kept in
     * {@code data/safety/node-id}), e.g. {@code web1-3f9a2c}.
     */
    String id();

    /** When this node (its core bundle) started. */
    Instant startedAt();

    /** The version of the platform's core this node runs. */
    String version();
}
