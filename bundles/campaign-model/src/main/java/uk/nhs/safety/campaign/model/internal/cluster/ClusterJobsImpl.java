package uk.nhs.safety.campaign.model.internal.cluster;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.cluster.JobRunningException;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;

/**
 * Jobs once per cluster, recorded in {@code cluster_job}: taking a job is one short transaction that reads the job's
 * row locked ({@code FOR UPDATE}) and refuses when another run's lease is still current, or else writes this run
 * (a new row, or over a row whose lease has run out: its node died). While the work runs the lease is renewed every
 * third of its length; the row is deleted when the work ends. Two nodes inserting the first row at once: one wins the
 * primary key, the other reads the winner's row and is refused. Lease times come from this node's clock (nodes are
 * expected to keep time, NTP). Works the same on H2 and PostgreSQL.
 */
@Component(service = ClusterJobs.class)
public final class ClusterJobsImpl implements ClusterJobs {

    /** How long a job is held without renewal: a node that dies blocks its job at most this long. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobsImpl.class);

    private final Database database;
    private final String nodeId;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService renewals;

    @Activate
    public ClusterJobsImpl(@Reference Database database, @Reference LocalNode node) {
        this(database, node.id(), Clock.systemUTC(), LEASE, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "safety-cluster-jobs");
            t.setDaemon(true);
            return t;
        }));
    }

    /** For tests: the node id, clock, lease and the executor that renews leases. */
    public ClusterJobsImpl(Database database, String nodeId, Clock clock, Duration lease,
                           ScheduledExecutorService renewals) {
        this.database = database;
        this.nodeId = nodeId;
        this.clock = clock;
        this.lease = lease;
        this.renewals = renewals;
    }

    @Deactivate
    void deactivate() {
        renewals.shutdownNow();
    }

    @Override
    public <T> T runExclusive(String job, String description, Supplier<T> work) {
        if (job == null || job.isBlank() || job.length() > 100) {
            throw new IllegalArgumentException("job '" + job + "': 1 to 100 characters");
        }
        String run = UUID.randomUUID().toString();
        Instant started = acquire(job, description, run);
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(job, run), every, every,
                TimeUnit.MILLISECONDS);
        LOG.info("{} ({}) started on node {} at {}", description, job, nodeId, started);
        Throwable failed = null;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            failed = e;
            throw e;
        } finally {
            renewal.cancel(false);
            release(job, run, failed);
        }
    }

    private Instant acquire(String job, String description, String run) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction(c -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                    try (PreparedStatement ps = c.prepareStatement("SELECT node_id, started_at, lease_until"
                            + " FROM cluster_job WHERE job = ? FOR UPDATE")) {
                        ps.setString(1, job);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                String node = rs.getString("node_id");
                                Instant since = Sql.instant(rs, "started_at");
                                Instant until = Sql.instant(rs, "lease_until");
                                if (until.isAfter(now)) {
                                    throw new JobRunningException(job, description, node, since);
                                }
                                LOG.warn("{} ({}): taking over from node {}, whose run since {} stopped renewing its"
                                        + " lease at {} (node stopped or died)", description, job, node, since, until);
                                write(c.prepareStatement("UPDATE cluster_job SET description = ?, node_id = ?,"
                                        + " run_id = ?, started_at = ?, lease_until = ? WHERE job = ?"), job,
                                        description, run, now);
                                return now;
                            }
                        }
                    }
                    write(c.prepareStatement("INSERT INTO cluster_job (description, node_id, run_id, started_at,"
                            + " lease_until, job) VALUES (?, ?, ?, ?, ?, ?)"), job, description, run, now);
                    return now;
                });
            } catch (CampaignException e) {
                // Another node inserted the job's first row meanwhile: read it again (and be refused).
                if (attempt < 3 && e.getCause() instanceof SQLException s && Sql.isUniqueViolation(s)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private void write(PreparedStatement statement, String job, String description, String run, Instant now)
            throws SQLException {
        try (PreparedStatement ps = statement) {
            ps.setString(1, description.length() > 200 ? description.substring(0, 200) : description);
            ps.setString(2, nodeId);
            ps.setString(3, run);
            Sql.setInstant(ps, 4, now);
            Sql.setInstant(ps, 5, now.plus(lease));
            ps.setString(6, job);
            ps.executeUpdate();
        }
    }

    private void renew(String job, String run) {
        try {
            int renewed = database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_job SET lease_until = ?"
                        + " WHERE job = ? AND run_id = ?")) {
                    Sql.setInstant(ps, 1, clock.instant().plus(lease));
                    ps.setString(2, job);
                    ps.setString(3, run);
                    return ps.executeUpdate();
                }
            });
            if (renewed == 0) {
                LOG.warn("Job {} on node {}: its lease was lost (not renewed in time, another node took the job"
                        + " over); this run goes on but is no longer exclusive", job, nodeId);
            }
        } catch (RuntimeException e) {
            // The next renewal tries again; the lease lasts three renewal periods.
            LOG.warn("Job {} on node {}: cannot renew its lease: {}", job, nodeId, e.getMessage(), e);
        }
    }

    private void release(String job, String run, Throwable failed) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM cluster_job WHERE job = ?"
                        + " AND run_id = ?")) {
                    ps.setString(1, job);
                    ps.setString(2, run);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Job {} on node {}: cannot release it ({}); it stays blocked until its lease ends in at most"
                    + " {} s", job, nodeId, e.getMessage(), lease.toSeconds(), e);
            if (failed != null) {
                failed.addSuppressed(e);
            }
        }
    }
}
