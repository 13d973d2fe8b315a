package uk.nhs.safety.campaign.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import uk.nhs.safety.campaign.api.access.CallerAccess;

/** Members' actions for the five pledges. Thread-safe; every write is one transaction and is audited. */
@ProviderType
public interface PledgeService {

    /** A member's actions, by pledge then id; with {@code publishedOnly} the drafts are left out. */
    List<PledgeAction> actions(String odsCode, boolean publishedOnly);

    /**
     * The member's actions this caller may see, the platform's one draft rule: drafts included for callers who may
     * edit the member ({@link CallerAccess#mayEdit}), published actions only for everyone else.
     *
     * @since 1.3
     */
    default List<PledgeAction> visibleActions(String odsCode, CallerAccess caller) {
        return actions(odsCode, !caller.mayEdit(odsCode));
    }

    /** Adds a draft action for a member. */
    PledgeAction addAction(String actor, String odsCode, NewAction action);

    /** Replaces an action's content; refused if {@code expectedVersion} is stale. */
    PledgeAction updateAction(String actor, String odsCode, long actionId, NewAction action, long expectedVersion);

    /** Publishes an action; publishes an actions-published event. Publishing a published action changes nothing. */
    PledgeAction publishAction(String actor, String odsCode, long actionId, long expectedVersion);

    /** Counts per pledge and whether the member's pledge page counts as published. */
    PledgeSummary summary(String odsCode);
}
