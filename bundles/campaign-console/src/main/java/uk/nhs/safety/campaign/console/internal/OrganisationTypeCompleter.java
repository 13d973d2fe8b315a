package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.OrganisationType;

/** Completes organisation types (for {@code --type}). */
@Service
public class OrganisationTypeCompleter extends EnumCompleter<OrganisationType> {

    public OrganisationTypeCompleter() {
        super(OrganisationType.class);
    }
}
