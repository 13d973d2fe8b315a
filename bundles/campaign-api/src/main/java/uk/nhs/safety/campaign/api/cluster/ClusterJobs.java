package uk.nhs.safety.campaign.api.cluster;

import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Long jobs that must run at most once at a time across all the nodes sharing the campaign database (an import of a
 * partner's claims, a rebuild). Provided by core: the running job is recorded in the database with the node
 * ({@link LocalNode#id()}) and its start time, under a lease the node renews while the work runs, so a node that
 * dies half-way blocks the job only until its lease runs out (about half a minute), never for ever.
 *
 * <pre>{@code
 * return jobs.runExclusive("nhsla-claims", "a claims import", () -> importer.load(file));
 * }</pre>
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface ClusterJobs {

    /**
     * Runs {@code work} on this thread unless the same job runs already on any node (this one included), and releases
     * the job when the work ends, normally or not.
     *
     * @param job         the job's key, e.g. {@code nhsla-claims} (one per partner and kind of work; at most 100
     *                    characters)
     * @param description what the job is, for the refusal's message, e.g. {@code a claims import}
     * @param work        the work; what it throws is thrown on as it is
     * @return what the work returned
     * @throws JobRunningException when the job is running (on any node): names the node and when it started
     * @throws uk.nhs.safety.campaign.api.CampaignException when the database cannot record the job
     */
    <T> T runExclusive(String job, String description, Supplier<T> work);
}
