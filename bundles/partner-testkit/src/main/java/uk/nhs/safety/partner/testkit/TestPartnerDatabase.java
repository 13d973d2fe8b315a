package uk.nhs.safety.partner.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerSchema;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.api.partner.SqlWork;
import uk.nhs.safety.partner.support.bulk.BulkLoads;

/**
 * A partner's own tables in an empty test database, for the partner's unit tests: migrated by the partner's real
 * scripts (every script its {@code index.txt} lists, in order, or its variant for the database when it has one, as
 * core's {@code PartnerStore} would run them) and with
 * the same transaction semantics (commit when the work returns, roll back on any exception). Use
 * {@link H2PartnerDatabase} or {@link PostgresPartnerDatabase}; not for production, where core's
 * {@code PartnerStore} gives partners their real tables.
 */
public class TestPartnerDatabase implements PartnerDatabase {

    private final String partnerId;
    private final String prefix;
    private final DataSource dataSource;
    private final String product;
    private final int schemaVersion;

    /**
     * Runs the partner's scripts on {@code dataSource} (an empty database).
     *
     * @throws IllegalStateException when the index or a script is missing or a script fails, naming it
     * @throws CampaignException when the partner id is malformed or a script names an object outside the partner's
     *                           prefix: the check and message of core's {@code PartnerStore} ({@link PartnerSchema})
     */
    protected TestPartnerDatabase(String partnerId, ScriptSource scripts, DataSource dataSource) {
        this.prefix = PartnerSchema.prefix(partnerId);
        this.partnerId = partnerId;
        this.dataSource = dataSource;
        List<String> names = read(scripts, "index.txt").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            this.product = c.getMetaData().getDatabaseProductName();
            for (String name : names) {
                // Split and checked by the code core's PartnerStore runs: a script refused there is refused here.
                // Its variant for this database when it has one, as core runs it (PartnerSchema.variant).
                String variant = optional(scripts, PartnerSchema.variant(product, name));
                List<String> statements = PartnerSchema.statements(variant != null ? variant : read(scripts, name));
                PartnerSchema.checkNames(partnerId, name, statements);
                for (String statement : statements) {
                    try {
                        st.execute(statement);
                    } catch (SQLException e) {
                        throw new IllegalStateException(name + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database: " + e.getMessage(), e);
        }
        this.schemaVersion = names.size();
    }

    private static String read(ScriptSource scripts, String name) {
        String text = optional(scripts, name);
        if (text == null) {
            throw new IllegalStateException("no script " + name);
        }
        return text;
    }

    /** The resource's text, or null when there is none. */
    private static String optional(ScriptSource scripts, String name) {
        try (InputStream in = scripts.open(name)) {
            if (in == null) {
                return null;
            }
            return new String(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String partnerId() {
        return partnerId;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String product() {
        return product;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The database underneath, for tests that need a connection of their own. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException e) {
                c.rollback();
                throw new CampaignException("database write failed: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CampaignException(e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CampaignException(e.getMessage(), e);
        }
    }

    @Override
    public BulkLoader bulkLoad(Connection connection, String table, List<String> columns) throws SQLException {
        return BulkLoads.open(connection, prefix(), table, columns);
    }

    /** A single number from a query, for assertions. */
    public long count(String sql) {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
