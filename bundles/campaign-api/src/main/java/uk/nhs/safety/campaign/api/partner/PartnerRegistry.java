package uk.nhs.safety.campaign.api.partner;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Core's live view of what partners have plugged in now: their integrations, exporters, importers and evidence
 * contributors. Everything here follows the partner bundles as they are installed, upgraded and removed; nothing
 * is cached beyond a service's registration. Thread-safe.
 */
@ProviderType
public interface PartnerRegistry {

    /** Every installed partner, ordered by id, with its health asked now. */
    List<PartnerInfo> partners();

    /** One partner by id. */
    Optional<PartnerInfo> partner(String id);

    /** The exporters registered now, ordered by name. */
    List<Exporter> exporters();

    /** One exporter by name. */
    Optional<Exporter> exporter(String name);

    /** The importers registered now, ordered by name. */
    List<Importer> importers();

    /** One importer by name. */
    Optional<Importer> importer(String name);

    /** The evidence contributors registered now, ordered by source. */
    List<EvidenceContributor> evidenceContributors();
}
