package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by {@link Database} on a connection it owns (never close it). */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
