package uk.nhs.safety.campaign.rest.internal.security;

import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.nhs.safety.campaign.api.StoreUnavailableException;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;

/**
 * The web layer's own tables in the campaign database ({@code web_session}, {@code web_login_failure}): opened
 * through core's {@link PartnerStore} as {@value #ID}, like a partner's, so that this bundle keeps to the API
 * packages and its migrations are applied once per database however many nodes start together.
 *
 * <p>The store is optional and dynamic: the API (and its health route) answers while the database is unavailable,
 * and whatever needs these tables then fails with {@link StoreUnavailableException} (503 with {@code Retry-After}).
 */
@Component(service = WebTables.class)
public class WebTables implements Supplier<PartnerDatabase> {

    /** The id the tables are opened under: their prefix is {@code web_}. */
    public static final String ID = "web";
    /** What a caller is told to wait while the campaign store is not there. */
    private static final long RETRY_AFTER_SECONDS = 5;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerStore store;

    private PartnerStore openedWith;
    private PartnerDatabase opened;

    /**
     * The tables, migrated on first use after the store (re)appears.
     *
     * @throws StoreUnavailableException while the campaign store is not available
     */
    @Override
    public synchronized PartnerDatabase get() {
        PartnerStore now = store;
        if (now == null) {
            throw new StoreUnavailableException("the campaign store is not available: web sessions and login"
                    + " throttling cannot be read", RETRY_AFTER_SECONDS);
        }
        if (now != openedWith) {
            opened = now.open(ID, ScriptSource.classpath(WebTables.class, "db"));
            openedWith = now;
        }
        return opened;
    }
}
