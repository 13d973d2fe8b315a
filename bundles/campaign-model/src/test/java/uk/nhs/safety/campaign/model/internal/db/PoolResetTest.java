package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.h2.jdbc.JdbcConnection;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;

/**
 * A real outage: H2's TCP server stops and starts again, under HikariCP configured as the shipped datasource.
 * HikariCP keeps a connection that failed with H2's "connection broken" (90067) and hands it out again unchecked
 * within 500 ms of its last use, so without {@link PoolReset} a busy caller kept failing after the database returned.
 */
class PoolResetTest {

    @Test
    void aBusyCallerGetsAWorkingConnectionAsSoonAsTheDatabaseReturns(@TempDir Path base) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String[] args = {"-tcpPort", Integer.toString(port), "-baseDir", base.toString(), "-ifNotExists"};
        Server server = Server.createTcpServer(args).start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:tcp://localhost:" + port + "/store");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(2);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(3000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database store = new Database(pool, Migrations.bundled(TestDatabase.CLOCK));
            assertThat(store.read(PoolResetTest::versions)).isPositive();

            server.stop();
            assertThatThrownBy(() -> store.read(PoolResetTest::versions))
                    .isInstanceOf(StoreUnavailableException.class);

            server = Server.createTcpServer(args).start();
            for (int i = 0; i < 20; i++) {
                assertThat(store.read(PoolResetTest::versions)).as("read %d after the restart", i).isPositive();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void anExhaustedPoolIsNotEmptied() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:exhausted;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2); // migrations take two: the lock's and the work's
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database store = new Database(pool, Migrations.bundled(TestDatabase.CLOCK));
            Set<JdbcConnection> physical = new HashSet<>();
            try (Connection one = pool.getConnection(); Connection two = pool.getConnection()) {
                physical.add(one.unwrap(JdbcConnection.class));
                physical.add(two.unwrap(JdbcConnection.class));
                assertThatThrownBy(() -> store.read(PoolResetTest::versions))
                        .isInstanceOf(StoreUnavailableException.class);
            }

            Object after = store.read(c -> c.unwrap(JdbcConnection.class));
            assertThat(physical).as("the pool's connections, kept").contains((JdbcConnection) after);
        }
    }

    @Test
    void anotherDataSourceHasNothingToReset() {
        assertThat(PoolReset.of(new org.h2.jdbcx.JdbcDataSource())).isSameAs(PoolReset.NONE);
    }

    private static long versions(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
