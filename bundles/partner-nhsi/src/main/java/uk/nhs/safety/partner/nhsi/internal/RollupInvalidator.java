package uk.nhs.safety.partner.nhsi.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.nhs.safety.campaign.api.event.CampaignEvent;
import uk.nhs.safety.campaign.api.event.CampaignEventSubscriber;
import uk.nhs.safety.campaign.api.event.CampaignTopics;

/**
 * Drops this node's cached national roll-up when a member joins or a plan is published on any node: an
 * {@link Delivery#EVERY_NODE} subscriber to the durable event log, so each node's cache hears of every node's changes.
 */
@Component(service = CampaignEventSubscriber.class)
public final class RollupInvalidator implements CampaignEventSubscriber {

    /** The subscriber id. */
    static final String ID = "nhsi-national-rollup";

    private final NhsiService nhsi;

    @Activate
    public RollupInvalidator(@Reference NhsiService nhsi) {
        this.nhsi = nhsi;
    }

    @Override
    public String subscriberId() {
        return ID;
    }

    /** What the roll-up shows: members signed up and plans published. */
    @Override
    public Set<String> topics() {
        return Set.of(CampaignTopics.MEMBER_JOINED, CampaignTopics.PLAN_PUBLISHED);
    }

    @Override
    public Delivery delivery() {
        return Delivery.EVERY_NODE;
    }

    @Override
    public void onEvent(CampaignEvent event) {
        nhsi.campaignChanged();
    }
}
