package uk.nhs.safety.partner.testkit;

import java.util.List;
import java.util.Optional;

import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/**
 * Core's partner registry with fixed partners, exporters and importers, for tests of code that asks it.
 *
 * @param partners  the installed partners
 * @param exporters the exporters they offer
 * @param importers the importers they offer
 */
public record FakePartnerRegistry(List<PartnerInfo> partners, List<Exporter> exporters, List<Importer> importers)
        implements PartnerRegistry {

    /** Only these partners, without exporters or importers. */
    public FakePartnerRegistry(PartnerInfo... partners) {
        this(List.of(partners), List.of(), List.of());
    }

    @Override
    public Optional<PartnerInfo> partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Exporter> exporter(String name) {
        return exporters.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Importer> importer(String name) {
        return importers.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public List<EvidenceContributor> evidenceContributors() {
        return List.of();
    }
}
