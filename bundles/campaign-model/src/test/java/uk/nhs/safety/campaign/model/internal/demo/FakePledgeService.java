package uk.nhs.safety.campaign.model.internal.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.StaleVersionException;

/** In-memory pledge actions: new actions are drafts until published. */
final class FakePledgeService implements PledgeService {

    final List<PledgeAction> actions = new ArrayList<>();
    private long nextId = 1;

    @Override
    public List<PledgeAction> actions(String odsCode, boolean publishedOnly) {
        return actions.stream().filter(a -> a.odsCode().equals(odsCode) && (a.published() || !publishedOnly)).toList();
    }

    @Override
    public PledgeAction addAction(String actor, String odsCode, NewAction a) {
        PledgeAction added = new PledgeAction(nextId++, odsCode, a.pledge(), a.text(), a.ownerRole(), a.dueDate(),
                a.status(), false, null, 1);
        actions.add(added);
        return added;
    }

    @Override
    public PledgeAction updateAction(String actor, String odsCode, long actionId, NewAction action,
                                     long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PledgeAction publishAction(String actor, String odsCode, long actionId, long expectedVersion) {
        for (int i = 0; i < actions.size(); i++) {
            PledgeAction a = actions.get(i);
            if (a.id() == actionId && a.odsCode().equals(odsCode)) {
                if (a.version() != expectedVersion) {
                    throw new StaleVersionException("action " + actionId, expectedVersion, a.version());
                }
                PledgeAction published = new PledgeAction(a.id(), a.odsCode(), a.pledge(), a.text(), a.ownerRole(),
                        a.dueDate(), a.status(), true, Instant.EPOCH, a.version() + 1);
                actions.set(i, published);
                return published;
            }
        }
        throw new NotFoundException("no action " + actionId + " for " + odsCode);
    }

    @Override
    public PledgeSummary summary(String odsCode) {
        Map<Pledge, Integer> published = new EnumMap<>(Pledge.class);
        Map<Pledge, Integer> drafts = new EnumMap<>(Pledge.class);
        for (Pledge p : Pledge.values()) {
            published.put(p, 0);
            drafts.put(p, 0);
        }
        for (PledgeAction a : actions(odsCode, false)) {
            (a.published() ? published : drafts).merge(a.pledge(), 1, Integer::sum);
        }
        return new PledgeSummary(odsCode, published, drafts);
    }
}
