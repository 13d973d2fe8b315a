/**
 * The platform as several identical Karaf nodes on one database: which node this is.
 *
 * <p>Operators run one node (embedded H2) or several behind a load balancer on one PostgreSQL. Anything a node writes
 * to say "I hold this" (a delivery lease, a running import) names the node by {@link
 * uk.nhs.safety.campaign.api.cluster.LocalNode#id()}, so that an operator can tell which node to look at.
 * {@link uk.nhs.safety.campaign.api.cluster.ClusterJobs} runs a long job (an import) once at a time across the nodes.
 */
@Export
@Version("1.0.0")
package uk.nhs.safety.campaign.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
