package uk.nhs.safety.campaign.api.partner;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Core's live view of the partner integrations installed now. Thread-safe. */
@ProviderType
public interface PartnerRegistry {

    /** Every installed partner, ordered by id, with its health asked now. */
    List<PartnerInfo> partners();

    /** One partner by id. */
    Optional<PartnerInfo> partner(String id);
}
