package uk.nhs.safety.campaign.api.cluster;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The nodes sharing the campaign database, as they record themselves: each node writes its row when it starts,
 * refreshes its {@code lastSeen} every heartbeat and marks itself stopped on a clean shutdown. Provided by core
 * (configuration PID {@code uk.nhs.safety.campaign.cluster}). Thread-safe.
 */
@ProviderType
public interface Cluster {

    /**
     * Every node recorded in the database (stopped ones until they are purged), ordered by id, read now.
     *
     * @throws uk.nhs.safety.campaign.api.StoreUnavailableException while the database does not answer
     */
    List<ClusterNode> nodes();
}
