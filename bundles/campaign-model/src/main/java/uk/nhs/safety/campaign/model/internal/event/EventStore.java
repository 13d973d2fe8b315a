package uk.nhs.safety.campaign.model.internal.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.model.internal.db.Sql;

/**
 * The event log's SQL (tables of migration V5), on a connection the caller owns. Runs on H2 2.2 and PostgreSQL 15.
 */
public final class EventStore {

    /** A subscriber's row. */
    public record Row(String subscriberId, long cursor, String leaseOwner, Instant leaseExpires, String lastError,
                      Instant lastErrorAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_MAX = 2000;

    private EventStore() {
    }

    /**
     * Appends {@code events} to the log. Call it as the transaction's last statement: the counter row it updates stays
     * locked until commit, which makes commit order equal sequence order (and keeps that lock short).
     *
     * @return the sequence number of the last event appended; 0 when {@code events} is empty
     */
    public static long append(Connection c, String nodeId, Instant at, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE event_counter SET last_sequence = last_sequence + ? WHERE singleton = 1")) {
            ps.setLong(1, events.size());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the event counter row is missing (migration V5)");
            }
        }
        long last;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM event_counter WHERE singleton = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        long sequence = last - events.size();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_log (sequence_number, topic, properties,"
                + " occurred_at, node_id) VALUES (?, ?, ?, ?, ?)")) {
            for (NewEvent e : events) {
                ps.setLong(1, ++sequence);
                ps.setString(2, e.topic());
                ps.setString(3, write(e.properties()));
                Sql.setInstant(ps, 4, at);
                ps.setString(5, nodeId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return last;
    }

    /** The latest committed sequence number, 0 for an empty log. */
    public static long latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM event_counter WHERE singleton = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Up to {@code limit} events after {@code sequence}, in order. */
    public static List<CampaignEvent> after(Connection c, long sequence, int limit) throws SQLException {
        List<CampaignEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence_number, topic, properties, occurred_at, node_id"
                + " FROM event_log WHERE sequence_number > ? ORDER BY sequence_number LIMIT ?")) {
            ps.setLong(1, sequence);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new CampaignEvent(rs.getLong("sequence_number"), rs.getString("topic"),
                            Sql.instant(rs, "occurred_at"), rs.getString("node_id"), read(rs.getString("properties"))));
                }
            }
        }
        return events;
    }

    /** Every subscriber row, by id. */
    public static List<Row> subscribers(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM event_subscriber"
                + " ORDER BY subscriber_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    /** The subscriber's row, if it has one. */
    public static Optional<Row> subscriber(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM event_subscriber"
                + " WHERE subscriber_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Creates the subscriber's row with its cursor at {@code cursor} unless it exists (created by this or another
     * node: a concurrent insert of the same id is not an error). Auto-commit connection expected.
     */
    public static void ensureSubscriber(Connection c, String id, long cursor, Instant now) throws SQLException {
        if (subscriber(c, id).isPresent()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_subscriber (subscriber_id, cursor_sequence,"
                + " created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, cursor);
            Sql.setInstant(ps, 3, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /**
     * Takes or renews the lease on a subscriber for {@code node} until {@code until}: succeeds when no node holds
     * it, {@code node} holds it, or the holder's lease ran out before {@code now}. One conditional UPDATE, so two
     * nodes can never both succeed.
     */
    public static boolean claim(Connection c, String id, String node, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event_subscriber SET lease_owner = ?, lease_expires = ?"
                + " WHERE subscriber_id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires < ?)")) {
            ps.setString(1, node);
            Sql.setInstant(ps, 2, until);
            ps.setString(3, id);
            ps.setString(4, node);
            Sql.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** Gives up {@code node}'s lease on a subscriber, so that another node takes over at once. */
    public static void release(Connection c, String id, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event_subscriber SET lease_owner = NULL,"
                + " lease_expires = NULL WHERE subscriber_id = ? AND lease_owner = ?")) {
            ps.setString(1, id);
            ps.setString(2, node);
            ps.executeUpdate();
        }
    }

    /**
     * Moves the cursor from {@code from} past a handled event and renews the lease, only while {@code node} holds the
     * lease and the cursor is still where this node read it.
     *
     * @return false when another node took over or an operator moved the cursor ({@code rewind}): stop delivering
     */
    public static boolean advance(Connection c, String id, String node, long from, long sequence, Instant until)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event_subscriber SET cursor_sequence = ?,"
                + " lease_expires = ?, last_error = NULL, last_error_at = NULL"
                + " WHERE subscriber_id = ? AND lease_owner = ? AND cursor_sequence = ?")) {
            ps.setLong(1, sequence);
            Sql.setInstant(ps, 2, until);
            ps.setString(3, id);
            ps.setString(4, node);
            ps.setLong(5, from);
            return ps.executeUpdate() == 1;
        }
    }

    /** Keeps a failed delivery's error for the operator. */
    public static void failed(Connection c, String id, String error, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event_subscriber SET last_error = ?, last_error_at = ?"
                + " WHERE subscriber_id = ?")) {
            ps.setString(1, error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error);
            Sql.setInstant(ps, 2, at);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Sets a subscriber's cursor (replay); false when it has no row. */
    public static boolean rewind(Connection c, String id, long sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE event_subscriber SET cursor_sequence = ?"
                + " WHERE subscriber_id = ?")) {
            ps.setLong(1, sequence);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static final String COLUMNS = "subscriber_id, cursor_sequence, lease_owner, lease_expires, last_error,"
            + " last_error_at";

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("subscriber_id"), rs.getLong("cursor_sequence"), rs.getString("lease_owner"),
                Sql.instant(rs, "lease_expires"), rs.getString("last_error"), Sql.instant(rs, "last_error_at"));
    }

    static String write(Map<String, Object> properties) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(properties));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event properties cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads properties back with the types EventAdmin carries: whole numbers as Long, decimals as Double. */
    static Map<String, Object> read(String json) throws SQLException {
        Map<String, Object> raw;
        try {
            raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("event properties are not JSON: " + e.getMessage(), e);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.forEach((k, v) -> typed.put(k, typed(v)));
        return typed;
    }

    private static Object typed(Object v) {
        if (v instanceof Integer || v instanceof BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        return v;
    }
}
