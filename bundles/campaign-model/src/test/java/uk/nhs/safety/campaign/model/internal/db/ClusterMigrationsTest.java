package uk.nhs.safety.campaign.model.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.model.internal.testing.TestDatabase;
import uk.nhs.safety.partner.testkit.PostgresExtension;
import uk.nhs.safety.partner.testkit.PostgresServer;

/**
 * Nodes starting together on one empty database: each "node" is a thread with its own data source (own
 * connections) and its own {@link Migrations}, all released at once by a barrier.
 */
@ExtendWith(PostgresExtension.class)
class ClusterMigrationsTest {

    private static final int NODES = 6;

    /**
     * Scripts that fail if run twice (CREATE TABLE without IF NOT EXISTS) and count their runs: each INSERT adds one
     * row to {@code runs}, so exactly one row per script means each was applied once.
     */
    private static final Map<String, String> SCRIPTS = Map.of(
            "index.txt", "V1__runs.sql\nV2__first.sql\nV3__second.sql\n",
            "V1__runs.sql", "CREATE TABLE runs (script VARCHAR(20) NOT NULL);\nINSERT INTO runs VALUES ('V1');",
            "V2__first.sql", "CREATE TABLE first_table (id INTEGER PRIMARY KEY);\nINSERT INTO runs VALUES ('V2');",
            "V3__second.sql", "CREATE TABLE second_table (id INTEGER PRIMARY KEY);\nINSERT INTO runs VALUES ('V3');");

    private static final ScriptSource SOURCE = name -> SCRIPTS.containsKey(name)
            ? new ByteArrayInputStream(SCRIPTS.get(name).getBytes(StandardCharsets.UTF_8)) : null;

    @Test
    void nodesStartingTogetherOnH2FileApplyEachScriptOnce(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        assertEachScriptAppliedOnce(() -> h2(url), Migrations.History.CORE);
    }

    @Test
    void nodesStartingTogetherOnH2OverTcpApplyEachScriptOnce(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dir.toString(),
                "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://localhost:" + port + "/cluster";
            assertEachScriptAppliedOnce(() -> h2(url), new Migrations.History("demo-partner"));
        } finally {
            server.stop();
        }
    }

    @Test
    void nodesStartingTogetherOnPostgresqlApplyEachScriptOnce(PostgresServer postgres) throws Exception {
        String name = postgres.createDatabase();
        assertEachScriptAppliedOnce(() -> postgres.dataSource(name), Migrations.History.CORE);
    }

    @Test
    void partnerMigrationsOnPostgresqlApplyEachScriptOnce(PostgresServer postgres) throws Exception {
        String name = postgres.createDatabase();
        assertEachScriptAppliedOnce(() -> postgres.dataSource(name), new Migrations.History("demo-partner"));
    }

    @Test
    void coreAndPartnerHistoriesLockSeparately() {
        assertThat(new Migrations.History(null).lock()).isNotNull();
        assertThat(DatabaseLock.key("migrations:core")).isNotEqualTo(DatabaseLock.key("migrations:partner:core"));
    }

    private void assertEachScriptAppliedOnce(Supplier<DataSource> node, Migrations.History history)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(NODES);
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                DataSource own = node.get();
                Migrations migrations = new Migrations(SOURCE, "index.txt", TestDatabase.CLOCK, history,
                        (script, statements) -> { });
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return migrations.apply(own);
                }));
            }
            List<Integer> appliedByAll = new ArrayList<>();
            for (Future<List<Integer>> r : results) {
                appliedByAll.addAll(r.get(120, TimeUnit.SECONDS)); // throws if any node failed
            }
            // Every version applied by exactly one node, and each script ran once.
            assertThat(appliedByAll).containsExactlyInAnyOrder(1, 2, 3);
            DataSource check = node.get();
            assertThat(strings(check, "SELECT script FROM runs ORDER BY script")).containsExactly("V1", "V2", "V3");
            String versions = history.scope() == null
                    ? "SELECT version FROM schema_version ORDER BY version"
                    : "SELECT version FROM partner_schema_version WHERE partner_id = '" + history.scope()
                    + "' ORDER BY version";
            assertThat(strings(check, versions)).containsExactly("1", "2", "3");
        } finally {
            pool.shutdownNow();
        }
    }

    private static DataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }

    private static List<String> strings(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
