package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Delivery;
import uk.nhs.safety.campaign.api.event.CampaignTopics;
import uk.nhs.safety.campaign.api.event.SubscriberState;
import uk.nhs.safety.partner.testkit.ConsoleOutput;

class EventCommandsTest {

    private static final Instant AT = Instant.parse("2015-04-01T09:00:00Z");

    /** Five events, and one partner subscriber at 3 that failed on 4, delivered by node web1. */
    private final FakeLog log = new FakeLog();

    private static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()).format(instant);
    }

    private ConsoleOutput list(String after, String limit) throws Exception {
        EventListCommand c = new EventListCommand();
        c.eventLog = log;
        c.in(FakeSession.of("alice"));
        c.after = after;
        c.limit = limit;
        return ConsoleOutput.run(c);
    }

    private ConsoleOutput replay(String subscriber, String from) throws Exception {
        EventReplayCommand c = new EventReplayCommand();
        c.eventLog = log;
        c.in(FakeSession.of("admin"));
        c.subscriber = subscriber;
        c.from = from;
        return ConsoleOutput.run(c);
    }

    @Test
    void listsTheLatestEventsWithTheirPropertiesByDefault() throws Exception {
        ConsoleOutput output = list(null, "2");

        assertThat(log.calls).containsExactly("after 3 2");
        assertThat(output.out()).contains("plan/PUBLISHED", "web1", "odsCode=RGT, planVersion=4", local(AT))
                .doesNotContain(CampaignTopics.PREFIX);
        assertThat(output.err()).isEmpty();
    }

    @Test
    void listsTheEventsAfterAGivenSequenceAndRefusesABadLimit() throws Exception {
        list("1", null);
        assertThat(log.calls).containsExactly("after 1 50");

        ConsoleOutput output = list(null, "5000");
        assertThat(output.errLines()).singleElement().asString()
                .isEqualTo("Error: limit '5000': must be between 1 and 1000");
    }

    @Test
    void showsEachSubscribersCursorLagOwnerAndLastError() throws Exception {
        EventSubscribersCommand c = new EventSubscribersCommand();
        c.eventLog = log;
        c.in(FakeSession.of("alice"));

        ConsoleOutput output = ConsoleOutput.run(c);

        assertThat(output.outLines()).anySatisfy(l -> assertThat(l).contains("nhsla", "once per cluster", "3", "2",
                "web1", "event 4: timeout"));
        assertThat(output.out()).contains("Subscriber", "Cursor", "Lag", "Owner", "Last error");
    }

    @Test
    void replaysFromAGivenSequenceOrTheWholeLog() throws Exception {
        ConsoleOutput output = replay("nhsla", "2");
        assertThat(log.calls).containsExactly("rewind nhsla 1");
        assertThat(output.out()).contains("nhsla", "from 2", "4 to deliver");

        replay("nhsla", null);
        assertThat(log.calls).containsExactly("rewind nhsla 1", "rewind nhsla 0");
    }

    @Test
    void reportsAnUnknownSubscriberOrABadSequenceOnOneLineAndChangesNothing() throws Exception {
        assertThat(replay("nobody", null).errLines()).containsExactly(
                "Error: subscriber: no subscriber nobody is known; nothing was changed");
        assertThat(replay("nhsla", "0").errLines()).containsExactly("Error: from '0': must be 1 or more");
        assertThat(log.calls).containsExactly("rewind nobody 0");
    }

    private static final class FakeLog implements CampaignEventLog {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<CampaignEvent> after(long sequence, int limit) {
            calls.add("after " + sequence + " " + limit);
            List<CampaignEvent> events = new ArrayList<>();
            for (long s = sequence + 1; s <= Math.min(5, sequence + limit); s++) {
                events.add(new CampaignEvent(s, CampaignTopics.PLAN_PUBLISHED, AT, "web1", Map.of("odsCode", "RGT",
                        "planVersion", s)));
            }
            return events;
        }

        @Override
        public long latestSequence() {
            return 5;
        }

        @Override
        public List<SubscriberState> subscribers() {
            return List.of(new SubscriberState("nhsla", Delivery.ONCE_PER_CLUSTER, 3, 2, "web1", AT,
                    "event 4: timeout", AT));
        }

        @Override
        public SubscriberState rewind(String subscriberId, long sequence) {
            calls.add("rewind " + subscriberId + " " + sequence);
            if (!subscriberId.equals("nhsla")) {
                throw new IllegalArgumentException("subscriber: no subscriber " + subscriberId + " is known");
            }
            return new SubscriberState("nhsla", Delivery.ONCE_PER_CLUSTER, sequence, 5 - sequence, "web1", AT, null,
                    null);
        }
    }
}
