package uk.nhs.safety.partner.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.api.partner.SqlWork;

/**
 * A partner's own tables in a private in-memory H2 database, for the partner's unit tests: migrated by the partner's
 * real scripts (every script its {@code index.txt} lists, in order, as core's {@code PartnerStore} would run them) and
 * with the same transaction semantics (commit when the work returns, roll back on any exception). Each instance is a
 * new, empty database. Not for production: core's {@code PartnerStore} gives partners their real tables.
 *
 * <pre>{@code
 * H2PartnerDatabase db = new H2PartnerDatabase("nhsla", ScriptSource.classpath(NhslaService.class, "db"));
 * }</pre>
 */
public final class H2PartnerDatabase implements PartnerDatabase {

    private final String partnerId;
    private final String url;
    private final int schemaVersion;

    /**
     * Creates the database and runs the partner's scripts.
     *
     * @throws IllegalStateException when the index or a script is missing or a script fails, naming it
     */
    public H2PartnerDatabase(String partnerId, ScriptSource scripts) {
        this.partnerId = partnerId;
        this.url = "jdbc:h2:mem:" + partnerId + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<String> names = read(scripts, "index.txt").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String name : names) {
                String sql = read(scripts, name).replaceAll("(?m)^\\s*--.*$", "");
                for (String statement : sql.split(";")) {
                    if (!statement.isBlank()) {
                        try {
                            st.execute(statement);
                        } catch (SQLException e) {
                            throw new IllegalStateException(name + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database: " + e.getMessage(), e);
        }
        this.schemaVersion = names.size();
    }

    private static String read(ScriptSource scripts, String name) {
        try (InputStream in = scripts.open(name)) {
            if (in == null) {
                throw new IllegalStateException("no script " + name);
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
        return partnerId.toLowerCase(Locale.ROOT) + "_";
    }

    @Override
    public String product() {
        return "H2";
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = DriverManager.getConnection(url)) {
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
        try (Connection c = DriverManager.getConnection(url)) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CampaignException(e.getMessage(), e);
        }
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
