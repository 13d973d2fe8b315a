package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.nhs.safety.campaign.api.pdsa.PdsaDecision;

/** Completes PDSA Act decisions (for {@code --decision}). */
@Service
public class PdsaDecisionCompleter extends EnumCompleter<PdsaDecision> {

    public PdsaDecisionCompleter() {
        super(PdsaDecision.class);
    }
}
