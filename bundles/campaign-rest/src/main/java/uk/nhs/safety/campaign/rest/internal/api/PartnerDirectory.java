package uk.nhs.safety.campaign.rest.internal.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.partner.PartnerRoutes;

/**
 * The partner routes registered now, by partner id. Fed by a dynamic reference as partner bundles come and go; the
 * first registered for an id serves it (a second is logged and kept as a stand-by). It also tells a partner whose
 * routes are gone for a moment (its bundle is being installed, updated, refreshed or restarted) from one that is not
 * installed: see {@link #changing}. Thread-safe.
 */
public final class PartnerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDirectory.class);

    private final List<PartnerRoutes> routes = new CopyOnWriteArrayList<>();
    /** Partner ids whose routes have served on this node since their bundle was last seen installed. */
    private final Set<String> served = ConcurrentHashMap.newKeySet();
    private final Predicate<String> installed;

    /** A directory for which no partner is ever changing (tests of everything else). */
    public PartnerDirectory() {
        this(id -> false);
    }

    /**
     * @param installed whether a partner's bundle is installed now, running or not (core's partner registry lists
     *                  it)
     */
    public PartnerDirectory(Predicate<String> installed) {
        this.installed = installed;
    }

    public void add(PartnerRoutes partnerRoutes) {
        String id = partnerRoutes.partnerId();
        if (find(id).isPresent()) {
            LOG.warn("a second PartnerRoutes service for partner '{}' arrived; the first one keeps serving", id);
        }
        routes.add(partnerRoutes);
        served.add(id);
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

    /**
     * Whether a partner's routes are gone only while it changes: none serve now, they served here before, and its
     * bundle is still installed (being updated, refreshed, restarted, or failing to start). Such requests get 503
     * with {@code Retry-After}; once the bundle is uninstalled, the partner is forgotten and requests get 404.
     */
    public boolean changing(String partnerId) {
        if (find(partnerId).isPresent() || !served.contains(partnerId)) {
            return false;
        }
        if (installed.test(partnerId)) {
            return true;
        }
        served.remove(partnerId);
        return false;
    }
}
