package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.MemberStatus;

/** Completes membership statuses (for {@code --status}). */
@Service
public class MemberStatusCompleter extends EnumCompleter<MemberStatus> {

    public MemberStatusCompleter() {
        super(MemberStatus.class);
    }
}
