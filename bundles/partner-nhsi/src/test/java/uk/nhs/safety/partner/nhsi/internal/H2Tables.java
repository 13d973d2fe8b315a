package uk.nhs.safety.partner.nhsi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.SqlWork;

/**
 * The partner's tables in a private in-memory H2 for tests: runs the bundle's own migration script, and gives the
 * same transaction semantics as core's store (commit on return, roll back on any exception).
 */
public final class H2Tables implements PartnerDatabase {

    private final String url = "jdbc:h2:mem:nhsi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    public H2Tables() {
        try (InputStream in = NhsiService.class.getResourceAsStream("db/V1__incidents.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (String s : sql.split(";")) {
                    if (!s.isBlank()) {
                        st.execute(s);
                    }
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String partnerId() {
        return "nhsi";
    }

    @Override
    public String prefix() {
        return "nhsi_";
    }

    @Override
    public String product() {
        return "H2";
    }

    @Override
    public int schemaVersion() {
        return 1;
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
            try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
