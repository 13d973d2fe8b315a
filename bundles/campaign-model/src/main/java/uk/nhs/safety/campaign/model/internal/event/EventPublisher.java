package uk.nhs.safety.campaign.model.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Announces campaign changes. Inside the writing transaction, as its last statement, a service {@link #record}s the
 * change's events in the durable log (so they commit or roll back with it); once the transaction has committed it
 * {@link #post}s them through EventAdmin for this JVM's listeners, so a listener that reads the store on an event
 * always sees the change (and a failed write never announces anything).
 */
public interface EventPublisher {

    /**
     * Writes {@code events} to the event log on the transaction's connection. Must be the transaction's last
     * statement (it takes the log's counter lock, held until commit).
     */
    void record(Connection c, Instant at, List<NewEvent> events) throws SQLException;

    /** Posts an event asynchronously through EventAdmin; topics and property names from {@code CampaignTopics}. */
    void post(String topic, Map<String, Object> properties);

    /** Writes one event to the log; see {@link #record(Connection, Instant, List)}. */
    default void record(Connection c, Instant at, NewEvent event) throws SQLException {
        record(c, at, List.of(event));
    }

    /** Posts events recorded by a transaction that has committed. */
    default void post(List<NewEvent> events) {
        events.forEach(e -> post(e.topic(), e.properties()));
    }
}
