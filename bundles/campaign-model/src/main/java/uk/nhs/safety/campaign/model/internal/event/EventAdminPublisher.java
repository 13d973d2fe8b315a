package uk.nhs.safety.campaign.model.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import uk.nhs.safety.campaign.api.cluster.LocalNode;

/**
 * Writes campaign events to the durable log (naming this node) and posts them through EventAdmin, asynchronously so
 * that a slow listener never holds up a write. The event dispatcher listens to these posts too, to deliver the new
 * events from the log at once rather than at its next poll.
 */
@Component(service = EventPublisher.class)
public class EventAdminPublisher implements EventPublisher {

    private final EventAdmin eventAdmin;
    private final LocalNode node;

    @Activate
    public EventAdminPublisher(@Reference EventAdmin eventAdmin, @Reference LocalNode node) {
        this.eventAdmin = eventAdmin;
        this.node = node;
    }

    @Override
    public void record(Connection c, Instant at, List<NewEvent> events) throws SQLException {
        EventStore.append(c, node.id(), at, events);
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
