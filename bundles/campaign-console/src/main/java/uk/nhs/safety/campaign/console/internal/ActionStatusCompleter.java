package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.ActionStatus;

/** Completes pledge action statuses (for {@code --status}). */
@Service
public class ActionStatusCompleter extends EnumCompleter<ActionStatus> {

    public ActionStatusCompleter() {
        super(ActionStatus.class);
    }
}
