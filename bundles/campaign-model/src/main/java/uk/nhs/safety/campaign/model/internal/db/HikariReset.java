package uk.nhs.safety.campaign.model.internal.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/** {@link PoolReset} for HikariCP: in its own class so that HikariCP is loaded only when it is the pool. */
final class HikariReset {

    private HikariReset() {
    }

    static PoolReset of(DataSource dataSource) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return () -> {
            // Null before the pool started (never, for the constructor pax-jdbc uses) and after it closed.
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        };
    }
}
