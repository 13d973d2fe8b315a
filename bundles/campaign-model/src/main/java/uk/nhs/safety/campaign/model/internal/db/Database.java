package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.SqlWork;

/**
 * The campaign store: the configured {@link DataSource} with the schema migrated, and transaction helpers. The
 * campaign services reference this component, so they register only once the migrations are done.
 */
@Component(service = Database.class, configurationPid = Database.PID, immediate = true)
@Designate(ocd = Database.Config.class)
public class Database {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.store";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Which data source the store uses. */
    @ObjectClassDefinition(name = "Campaign store", description = "The database of the Sign up to Safety campaign")
    public @interface Config {

        @AttributeDefinition(name = "Data source filter",
                description = "LDAP filter selecting the pax-jdbc-config DataSource service to use")
        String DataSource_target() default "(dataSourceName=safety)";
    }

    private final DataSource dataSource;

    /** Migrates the schema; activation fails (and no service registers) if a migration cannot be applied. */
    @Activate
    public Database(@Reference(name = "DataSource", target = "(dataSourceName=safety)") DataSource dataSource) {
        this(dataSource, Migrations.bundled(Clock.systemUTC()));
    }

    public Database(DataSource dataSource, Migrations migrations) {
        this.dataSource = dataSource;
        Durability.ensure(dataSource);
        List<Integer> applied = migrations.apply(dataSource);
        if (applied.isEmpty()) {
            LOG.info("Campaign store schema is up to date");
        } else {
            LOG.info("Campaign store schema migrated: applied versions {}", applied);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws anything. A
     * {@link SQLException} comes back as a {@link CampaignException}; any other exception is rethrown as it is.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                throw rollback(c, new CampaignException("database write failed: " + e.getMessage(), e));
            } catch (RuntimeException e) {
                throw rollback(c, e);
            } catch (Error e) {
                throw rollback(c, e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new CampaignException("database unavailable: " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CampaignException("database read failed: " + e.getMessage(), e);
        }
    }

    /** The data source, for components that run migrations of their own (partner stores). */
    DataSource dataSource() {
        return dataSource;
    }

    private static <E extends Throwable> E rollback(Connection c, E failure) {
        try {
            c.rollback();
        } catch (SQLException r) {
            failure.addSuppressed(r);
        }
        return failure;
    }
}
