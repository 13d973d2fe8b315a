package uk.nhs.safety.campaign.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.web.PageScope;
import uk.nhs.safety.campaign.api.web.PartnerPage;

/** The partner pages installed right now, as partner bundles register and unregister them. Thread-safe. */
final class PartnerPages {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerPages.class);
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private final List<PartnerPage> pages = new CopyOnWriteArrayList<>();
    private volatile Runnable changed = () -> { };

    /** Called after every page added or removed (the site drops the pages that link to partner pages). */
    void onChange(Runnable listener) {
        this.changed = listener;
    }

    /** Adds a page; one with a malformed id is ignored, with a warning naming it. */
    void add(PartnerPage page) {
        String id = page.id();
        if (id == null || !ID.matcher(id).matches()) {
            LOG.warn("Partner page of partner '{}' ignored: id '{}' is not lower-case letters, digits and hyphens",
                    page.partnerId(), id);
            return;
        }
        pages.add(page);
        changed.run();
        LOG.info("Partner page '{}' of partner '{}' ({}) added", id, page.partnerId(), page.scope());
    }

    void remove(PartnerPage page) {
        if (pages.remove(page)) {
            changed.run();
            LOG.info("Partner page '{}' of partner '{}' removed", page.id(), page.partnerId());
        }
    }

    /** The pages of one scope, by title. */
    List<PartnerPage> of(PageScope scope) {
        return pages.stream().filter(p -> p.scope() == scope)
                .sorted(Comparator.comparing(PartnerPage::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The page with this id and scope (the first registered, if two partners claim one id). */
    Optional<PartnerPage> find(String id, PageScope scope) {
        return pages.stream().filter(p -> p.scope() == scope && p.id().equals(id)).findFirst();
    }
}
