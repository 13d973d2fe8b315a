package uk.nhs.safety.partner.testkit;

import uk.nhs.safety.campaign.api.partner.ScriptSource;

/**
 * A partner's own tables in a new, empty database on a real PostgreSQL server (see {@link TestPartnerDatabase} and
 * {@link PostgresServer}).
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class ClaimsStoreTest {
 *     @Test
 *     void works(PostgresServer postgres) {
 *         var db = new PostgresPartnerDatabase(postgres, "nhsla", ScriptSource.classpath(NhslaService.class, "db"));
 *     }
 * }
 * }</pre>
 */
public final class PostgresPartnerDatabase extends TestPartnerDatabase {

    /**
     * Creates a database on {@code server} and runs the partner's scripts.
     *
     * @throws IllegalStateException when the index or a script is missing or a script fails, naming it
     */
    public PostgresPartnerDatabase(PostgresServer server, String partnerId, ScriptSource scripts) {
        super(partnerId, scripts, server.newDatabase());
    }
}
