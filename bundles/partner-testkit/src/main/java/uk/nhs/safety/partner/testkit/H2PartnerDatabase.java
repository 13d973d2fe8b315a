package uk.nhs.safety.partner.testkit;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

import uk.nhs.safety.campaign.api.partner.ScriptSource;

/**
 * A partner's own tables in a private in-memory H2 database (see {@link TestPartnerDatabase}). Each instance is a
 * new, empty database.
 *
 * <pre>{@code
 * H2PartnerDatabase db = new H2PartnerDatabase("nhsla", ScriptSource.classpath(NhslaService.class, "db"));
 * }</pre>
 */
public final class H2PartnerDatabase extends TestPartnerDatabase {

    /**
     * Creates the database and runs the partner's scripts.
     *
     * @throws IllegalStateException when the index or a script is missing or a script fails, naming it
     */
    public H2PartnerDatabase(String partnerId, ScriptSource scripts) {
        super(partnerId, scripts, memory(partnerId));
    }

    private static JdbcDataSource memory(String partnerId) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + partnerId + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }
}
