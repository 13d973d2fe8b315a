package uk.nhs.safety.campaign.model.internal.db;

import javax.sql.DataSource;

/**
 * Empties the connection pool behind the campaign's data source once the database has stopped answering, so that no
 * connection the outage broke is handed out again after it returns.
 *
 * <p>A pool discards a connection by itself only when the failure's SQL state says so: HikariCP evicts on
 * {@code 08xxx} and a few PostgreSQL states, but not on H2's "connection broken" (90067), and it re-validates a pooled
 * connection only after 500 ms idle. A caller busy enough to use a broken connection again within 500 ms would get it
 * back again and again. HikariCP (the pool pax-jdbc-config builds here) is emptied by a soft eviction: idle
 * connections are closed now, those in use when they come back. Another pool is left to itself.
 */
@FunctionalInterface
interface PoolReset {

    /** Nothing to empty (no pool, or a pool this does not know). */
    PoolReset NONE = () -> { };

    /** Discards every pooled connection: those in use once returned. */
    void run();

    /** The reset for {@code dataSource}'s pool. */
    static PoolReset of(DataSource dataSource) {
        // By name first: HikariCP's classes are imported optionally, and loaded only when the pool is HikariCP.
        return dataSource.getClass().getName().equals("com.zaxxer.hikari.HikariDataSource")
                ? HikariReset.of(dataSource) : NONE;
    }
}
