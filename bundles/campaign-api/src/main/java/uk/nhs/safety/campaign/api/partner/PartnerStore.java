package uk.nhs.safety.campaign.api.partner;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Core's storage for partners: each partner keeps its own tables in the campaign database (the one place for data),
 * created and changed only by versioned migration scripts the partner ships. Register nothing: reference this
 * service and call {@link #open} when the partner's component activates.
 *
 * <p><b>Naming.</b> Every table, index, view and sequence a partner's scripts create must be prefixed with the
 * partner id and an underscore, hyphens written as underscores ({@code nhsla_claim} for partner {@code nhsla});
 * a script that creates anything else is refused before it runs. Partners never touch core tables: they read core
 * data through the campaign services.
 *
 * <p><b>Migrations.</b> Scripts are named {@code V<n>__<description>.sql} and listed, in order, by an
 * {@code index.txt} in the same folder. Each script runs in its own transaction. Core records every applied script
 * with its SHA-256 per partner; a script changed after it was applied makes {@link #open} fail with a message
 * naming it, so a partner never runs against a schema it does not know. A newer bundle version adds scripts; an
 * older one started against a newer schema is warned about, not refused. Uninstalling a partner keeps its tables
 * and data, so reinstalling or upgrading it finds them again.
 *
 * <p><b>SQL dialect.</b> The database is H2 2.2 by default and PostgreSQL 15 by configuration; scripts should use
 * the SQL both accept ({@link PartnerDatabase#product()} tells which one runs when a query must differ). Where a
 * script cannot, it has a variant for one of them beside it, {@code postgresql/V<n>__<description>.sql}
 * ({@link PartnerSchema#variant}), which runs there instead; the checksum covers both texts (since 1.4).
 *
 * <p>Thread-safe. Opening the same partner twice at once (an old and a new bundle version during an upgrade) is
 * safe: the migrations serialise on the database.
 */
@ProviderType
public interface PartnerStore {

    /**
     * Migrates the partner's schema to the latest script and returns a handle to its tables.
     *
     * @param partnerId the partner's id ({@link PartnerIntegration#id()})
     * @param scripts   where the partner's migration scripts are, e.g.
     *                  {@code ScriptSource.classpath(MyComponent.class, "db")}
     * @throws uk.nhs.safety.campaign.api.CampaignException when the id is malformed, the index or a script is
     *                                                      missing or malformed, a script creates an object without
     *                                                      the partner's prefix, an applied script has changed, or
     *                                                      a script fails (that script is rolled back)
     */
    PartnerDatabase open(String partnerId, ScriptSource scripts);
}
