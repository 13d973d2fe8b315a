package uk.nhs.safety.campaign.api.cluster;

import java.time.Instant;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * A job was refused because it is running already, on this node or another: the message says which node and since
 * when, e.g. {@code a claims import is already running on node web1-3f9a2c since 2026-12-03T12:41:07Z; try again
 * when it has finished}. The HTTP API answers it with 409 Conflict.
 */
public class JobRunningException extends CampaignException {
    private static final long serialVersionUID = 1L;

    private final String job;
    private final String node;
    private final Instant startedAt;

    /**
     * @param job         the job's key
     * @param description what the job is, e.g. {@code a claims import}
     * @param node        the node running it
     * @param startedAt   when it started there
     */
    public JobRunningException(String job, String description, String node, Instant startedAt) {
        super(description + " is already running on node " + node + " since " + startedAt
                + "; try again when it has finished");
        this.job = job;
        this.node = node;
        this.startedAt = startedAt;
    }

    /** The job's key. */
    public String job() {
        return job;
    }

    /** The node running the job ({@link LocalNode#id()}). */
    public String node() {
        return node;
    }

    /** When the running job started. */
    public Instant startedAt() {
        return startedAt;
    }
}
