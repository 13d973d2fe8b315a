package uk.nhs.safety.campaign.model.internal.event;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts campaign events through EventAdmin, asynchronously so that a slow subscriber never holds up a write. */
@Component(service = EventPublisher.class)
public class EventAdminPublisher implements EventPublisher {

    private final EventAdmin eventAdmin;

    @Activate
    public EventAdminPublisher(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
