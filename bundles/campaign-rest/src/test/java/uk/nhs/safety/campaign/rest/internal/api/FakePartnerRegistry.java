package uk.nhs.safety.campaign.rest.internal.api;

import java.util.List;
import java.util.Optional;

import uk.nhs.safety.campaign.api.partner.EvidenceContributor;
import uk.nhs.safety.campaign.api.partner.Exporter;
import uk.nhs.safety.campaign.api.partner.Importer;
import uk.nhs.safety.campaign.api.partner.PartnerInfo;
import uk.nhs.safety.campaign.api.partner.PartnerRegistry;

/** A registry with fixed partners, exporters and importers. */
record FakePartnerRegistry(List<PartnerInfo> partners, List<Exporter> exporters, List<Importer> importers)
        implements PartnerRegistry {

    FakePartnerRegistry(PartnerInfo... partners) {
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
