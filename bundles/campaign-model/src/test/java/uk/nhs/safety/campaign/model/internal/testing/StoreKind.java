package uk.nhs.safety.campaign.model.internal.testing;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import uk.nhs.safety.partner.testkit.PostgresServer;

/** A database engine the store runs on, handing out empty databases of its own. */
public interface StoreKind {

    /** An empty database of its own. */
    DataSource newDataSource();

    /** The engine's name, shown in test names. */
    String name();

    /** In-memory H2, as the distribution's default (MODE default). */
    static StoreKind h2() {
        return new StoreKind() {
            @Override
            public DataSource newDataSource() {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
                return ds;
            }

            @Override
            public String name() {
                return "H2";
            }
        };
    }

    /** A new database on the run's PostgreSQL server for every call. */
    static StoreKind postgresql(PostgresServer server) {
        return new StoreKind() {
            @Override
            public DataSource newDataSource() {
                return server.newDatabase();
            }

            @Override
            public String name() {
                return "PostgreSQL";
            }
        };
    }
}
