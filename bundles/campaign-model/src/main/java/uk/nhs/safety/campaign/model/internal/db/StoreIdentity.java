package uk.nhs.safety.campaign.model.internal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * The database's identity (a UUID in {@code store_identity}, written after the first migration) and this node's
 * marker file naming the database it has held data in. A node with a marker refuses an empty database, or one
 * with another identity, unless told to accept it: an operator who lost or mis-pointed the database must not get
 * a silent new one filled with demo data.
 *
 * <p>H2 creates a missing database file when it is first connected to; a refused start leaves that file empty (no
 * schema), so it is refused again on the next start until the right file is back or a new database is allowed.
 */
public final class StoreIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(StoreIdentity.class);

    /** What the database holds before anything is migrated. */
    public record Found(boolean hasSchema, Optional<String> databaseId) {
    }

    /** The database is refused; its message says why and how to accept it. */
    public static final class Refused extends CampaignException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final Optional<Path> marker;
    private final Clock clock;

    private StoreIdentity(Optional<Path> marker, Clock clock) {
        this.marker = marker;
        this.clock = clock;
    }

    /** Identity recorded in the database and in the marker file {@code marker} (when present). */
    public static StoreIdentity marker(Optional<Path> marker) {
        return new StoreIdentity(marker, Clock.systemUTC());
    }

    /** Identity recorded in the database only; nothing refused (tests). */
    public static StoreIdentity none() {
        return marker(Optional.empty());
    }

    /** Whether the database has a schema and which identity it holds. */
    public Found inspect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean schema = hasTable(c, "schema_version");
            return new Found(schema, schema && hasTable(c, "store_identity") ? read(c) : Optional.empty());
        } catch (SQLException e) {
            throw new CampaignException("cannot inspect the database: " + e.getMessage(), e);
        }
    }

    /** Refuses {@code found} when this node's marker names another database, unless {@code allowNew}. */
    public void check(Found found, boolean allowNew) {
        Optional<String> held = readMarker();
        if (held.isEmpty() || found.databaseId().equals(held)) {
            return;
        }
        String problem;
        if (!found.hasSchema()) {
            problem = "the database is empty, but this node has held data in database " + held.get();
        } else if (found.databaseId().isPresent()) {
            problem = "the database is " + found.databaseId().get() + ", but this node has held data in database "
                    + held.get();
        } else {
            return; // a database from before identities were recorded: adopted below
        }
        if (allowNew) {
            LOG.warn("{} (marker {}); accepted because allowNewDatabase is set", problem, marker.orElseThrow());
            return;
        }
        throw new Refused(problem + " (marker " + marker.orElseThrow() + "); restore or point to that database, or"
                + " set allowNewDatabase=true in " + Database.PID + " to start on this one");
    }

    /** Records an identity in the database if it has none, and in the marker; answers the identity. */
    public String establish(DataSource dataSource) {
        String id;
        try (Connection c = dataSource.getConnection()) {
            Optional<String> existing = read(c);
            if (existing.isPresent()) {
                id = existing.get();
            } else {
                id = insert(c);
            }
        } catch (SQLException e) {
            throw new CampaignException("cannot record the database identity: " + e.getMessage(), e);
        }
        writeMarker(id);
        return id;
    }

    private String insert(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO store_identity (singleton, database_id, created_at) VALUES (1, ?, ?)")) {
            ps.setString(1, id);
            ps.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                // Another node recorded one first: that one holds.
                return read(c).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Optional<String> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT database_id FROM store_identity WHERE singleton = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, null)) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }

    Optional<String> readMarker() {
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(marker.get(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CampaignException("cannot read the store identity marker " + marker.get() + ": " + e, e);
        }
    }

    private void writeMarker(String id) {
        if (marker.isEmpty() || readMarker().equals(Optional.of(id))) {
            return;
        }
        Path path = marker.get();
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, id + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("This node now holds data in database {} (marker {})", id, path);
        } catch (IOException e) {
            throw new CampaignException("cannot write the store identity marker " + path + ": " + e, e);
        }
    }
}
