package uk.nhs.safety.campaign.model.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventLog;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber.Delivery;
import uk.nhs.safety.campaign.api.event.SubscriberState;

class EventLogLagTest {

    @Test
    void reportsEachSubscribersEventsBehindTheLogTheFurthestBehindInstanceWhenSeveral() {
        CampaignEventLog log = new CampaignEventLog() {
            @Override
            public List<CampaignEvent> after(long sequence, int limit) {
                return List.of();
            }

            @Override
            public long latestSequence() {
                return 40;
            }

            @Override
            public List<SubscriberState> subscribers() {
                return List.of(
                        new SubscriberState("cqc-evidence-timeline", Delivery.ONCE_PER_CLUSTER, 33, 7, "web1",
                                Instant.EPOCH, null, null),
                        new SubscriberState("nhsi-rollup", Delivery.EVERY_NODE, 40, 0, null, null, null, null),
                        new SubscriberState("nhsi-rollup", Delivery.EVERY_NODE, 38, 2, null, null, null, null));
            }

            @Override
            public SubscriberState rewind(String subscriberId, long sequence) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(new EventLogLag(log).eventsBehindBySubscriber())
                .isEqualTo(Map.of("cqc-evidence-timeline", 7L, "nhsi-rollup", 2L));
    }
}
