package uk.nhs.safety.campaign.console.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.Pledge;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PledgeSummary;

/** Actions held in a list; records the console's writes. */
final class FakePledgeService implements PledgeService {

    final List<PledgeAction> actions = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<PledgeAction> actions(String odsCode, boolean publishedOnly) {
        return actions.stream()
                .filter(a -> a.odsCode().equals(odsCode))
                .filter(a -> !publishedOnly || a.published())
                .toList();
    }

    @Override
    public PledgeAction addAction(String actor, String odsCode, NewAction action) {
        calls.add("add " + actor + " " + odsCode + " " + action);
        PledgeAction added = new PledgeAction(actions.size() + 100L, odsCode, action.pledge(), action.text(),
                action.ownerRole(), action.dueDate(), action.status(), false, null, 1);
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
        calls.add("publish " + actor + " " + odsCode + " " + actionId + " v" + expectedVersion);
        PledgeAction a = actions.stream().filter(x -> x.id() == actionId).findFirst().orElseThrow();
        return new PledgeAction(a.id(), a.odsCode(), a.pledge(), a.text(), a.ownerRole(), a.dueDate(), a.status(),
                true, null, a.version() + 1);
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
