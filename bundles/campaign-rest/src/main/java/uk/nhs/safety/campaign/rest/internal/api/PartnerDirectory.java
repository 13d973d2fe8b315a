package uk.nhs.safety.campaign.rest.internal.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.partner.PartnerRoutes;

/**
 * The partner routes registered now, by partner id. Fed by a dynamic reference as partner bundles come and go; the
 * first registered for an id serves it (a second is logged and kept as a stand-by). Thread-safe.
 */
public final class PartnerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDirectory.class);

    private final List<PartnerRoutes> routes = new CopyOnWriteArrayList<>();

    public void add(PartnerRoutes partnerRoutes) {
        String id = partnerRoutes.partnerId();
        if (find(id).isPresent()) {
            LOG.warn("a second PartnerRoutes service for partner '{}' arrived; the first one keeps serving", id);
        }
        routes.add(partnerRoutes);
        LOG.info("partner routes for '{}' serve /api/v1/partners/{}/", id, id);
    }

    public void remove(PartnerRoutes partnerRoutes) {
        if (routes.remove(partnerRoutes)) {
            LOG.info("partner routes for '{}' removed", partnerRoutes.partnerId());
        }
    }

    /** The routes serving a partner id now. */
    public Optional<PartnerRoutes> find(String partnerId) {
        return routes.stream().filter(r -> r.partnerId().equals(partnerId)).findFirst();
    }
}
