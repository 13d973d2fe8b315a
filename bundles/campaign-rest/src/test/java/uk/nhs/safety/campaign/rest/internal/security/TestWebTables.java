package uk.nhs.safety.campaign.rest.internal.security;

import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.partner.testkit.H2PartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresPartnerDatabase;
import uk.nhs.safety.partner.testkit.PostgresServer;
import uk.nhs.safety.partner.testkit.TestPartnerDatabase;

/** The web tables ({@link WebTables}) migrated by their real scripts in an empty test database. */
public final class TestWebTables {

    private TestWebTables() {
    }

    public static ScriptSource scripts() {
        return ScriptSource.classpath(WebTables.class, "db");
    }

    /** A new, empty in-memory H2 database. */
    public static TestPartnerDatabase h2() {
        return new H2PartnerDatabase(WebTables.ID, scripts());
    }

    /** A new, empty database on the test PostgreSQL server. */
    public static TestPartnerDatabase postgres(PostgresServer server) {
        return new PostgresPartnerDatabase(server, WebTables.ID, scripts());
    }

    /** As {@link WebTables} hands them out. */
    public static Supplier<PartnerDatabase> supplier(PartnerDatabase db) {
        return () -> db;
    }
}
