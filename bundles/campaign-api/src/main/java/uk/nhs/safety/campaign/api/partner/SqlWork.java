package uk.nhs.safety.campaign.api.partner;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of JDBC work that {@link PartnerDatabase} runs on a connection it owns: do not close the connection, change
 * its auto-commit or commit yourself.
 *
 * @param <T> what the work returns
 */
@ConsumerType
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work on {@code connection}. */
    T run(Connection connection) throws SQLException;
}
