package uk.nhs.safety.campaign.model.internal.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import uk.nhs.safety.campaign.model.internal.event.EventPublisher;
import uk.nhs.safety.campaign.model.internal.event.EventStore;
import uk.nhs.safety.campaign.model.internal.event.NewEvent;

/**
 * Records posted events; optionally runs a check as each arrives (e.g. that the write is already committed). Events
 * recorded in a transaction go to the real event log, as node {@link #NODE}.
 */
public final class RecordingEvents implements EventPublisher {

    public record Posted(String topic, Map<String, Object> properties) {
    }

    public static final String NODE = "test-node";

    private final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public void record(Connection c, Instant at, List<NewEvent> events) throws SQLException {
        EventStore.append(c, NODE, at, events);
    }
    private volatile Consumer<Posted> onPost = p -> { };

    @Override
    public void post(String topic, Map<String, Object> properties) {
        Posted p = new Posted(topic, Map.copyOf(properties));
        onPost.accept(p);
        posted.add(p);
    }

    public void onPost(Consumer<Posted> check) {
        this.onPost = check;
    }

    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    public List<Posted> posted(String topic) {
        return posted.stream().filter(p -> p.topic().equals(topic)).toList();
    }
}
