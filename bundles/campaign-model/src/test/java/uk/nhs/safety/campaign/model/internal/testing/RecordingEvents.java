package uk.nhs.safety.campaign.model.internal.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import uk.nhs.safety.campaign.model.internal.event.EventPublisher;

/** Records posted events; optionally runs a check as each arrives (e.g. that the write is already committed). */
public final class RecordingEvents implements EventPublisher {

    public record Posted(String topic, Map<String, Object> properties) {
    }

    private final List<Posted> posted = new CopyOnWriteArrayList<>();
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
