package uk.nhs.safety.partner.support.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.cluster.ClusterJobs;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * A partner table that a file import fills by its primary key, in one transaction, one import at a time. On
 * PostgreSQL the rows go through {@code COPY}: straight into the table when it is empty (the first load: its primary
 * key is dropped first and built once at the end, in the same transaction, so a failed or killed import leaves the
 * empty table with its key; measured, half the server's work of keeping the index row by row), else into a
 * {@code TEMP} staging table of the transaction ({@code <table>_stage}, dropped at commit, private to the connection
 * so nodes never meet there) that the import then merges. On H2 the import writes with batched statements.
 * Thread-safe.
 */
public final class KeyedTable {

    private final String table;
    private final String key;
    private final String job;
    private final String what;
    /** Null outside a container (tests, bench): then {@link #running} refuses a second import in this JVM only. */
    private final ClusterJobs jobs;
    private final ReentrantLock running = new ReentrantLock();

    /**
     * @param table the table, named with the partner's prefix; PostgreSQL names its primary key {@code <table>_pkey}
     * @param key   the primary key's columns, comma-separated, as the table's script declares them
     * @param job   the import's name: one at a time by this name across the cluster
     * @param what  what the import is, for the refusal of a second one, e.g. {@code a claims import}
     * @param jobs  core's jobs once per cluster; null (tests, tools) for one at a time in this JVM
     */
    public KeyedTable(String table, String key, String job, String what, ClusterJobs jobs) {
        this.table = table;
        this.key = key;
        this.job = job;
        this.what = what;
        this.jobs = jobs;
    }

    /** The staging table of a PostgreSQL import that merges. */
    public String stage() {
        return table + "_stage";
    }

    /** Runs {@code work} unless an import of this table runs already (on any node): that is refused, naming it. */
    public <T> T exclusive(Supplier<T> work) {
        if (jobs != null) {
            return jobs.runExclusive(job, what, work);
        }
        if (!running.tryLock()) {
            throw new CampaignException(what + " is running already; try again when it has finished");
        }
        try {
            return work.get();
        } finally {
            running.unlock();
        }
    }

    /**
     * Runs one import's writes in one transaction of {@code database} ({@code work} gets its {@link TableLoad}): on
     * PostgreSQL the rows go through {@code COPY} into the table without its key when it is empty (readers wait for
     * the commit), else into the staging table; on H2 through the statements {@code work} prepares. The statements
     * and the {@code COPY} are closed when {@code work} ends.
     *
     * @param columns the columns a {@code COPY} fills, in the order the loader gives values
     */
    public <T> T load(PartnerDatabase database, List<String> columns, TableLoad.Work<T> work) {
        boolean copy = "PostgreSQL".equals(database.product());
        return database.inTransaction(c -> {
            boolean empty = isEmpty(c);
            try (TableLoad load = new TableLoad(this, c, empty,
                    copy ? database.bulkLoad(c, copyTarget(c, empty), columns) : null)) {
                return work.run(load);
            }
        });
    }

    /** Whether the table holds no row (in {@code c}'s transaction). */
    public boolean isEmpty(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
            return !rs.next();
        }
    }

    /**
     * PostgreSQL: makes ready the table to {@code COPY} into and answers its name: the table itself without its key
     * when it is {@code empty}, else the staging table.
     */
    public String copyTarget(Connection c, boolean empty) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(empty ? "ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_pkey"
                    : "CREATE TEMP TABLE " + stage() + " (LIKE " + table + ") ON COMMIT DROP");
        }
        return empty ? table : stage();
    }

    /** PostgreSQL, after the first load's {@code COPY}: builds the primary key again, sorting the keys in memory. */
    public void restoreKey(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Room to sort the keys in memory (the default 64 MB spills a million to disk); this transaction only.
            st.execute("SET LOCAL maintenance_work_mem = '256MB'");
            st.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_pkey PRIMARY KEY (" + key + ")");
        }
    }
}
