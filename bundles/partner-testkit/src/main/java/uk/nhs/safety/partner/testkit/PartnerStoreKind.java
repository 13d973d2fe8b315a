package uk.nhs.safety.partner.testkit;

import uk.nhs.safety.campaign.api.partner.ScriptSource;

/**
 * A database engine a partner's tables live on in a test: in-memory H2 or a real PostgreSQL. A {@link StoreTest}
 * takes one in its test class's constructor.
 */
public interface PartnerStoreKind {

    /** A new, empty database holding the partner's tables, migrated by its scripts. */
    TestPartnerDatabase open(String partnerId, ScriptSource scripts);

    /** The engine's name as its JDBC driver reports it ({@code H2}, {@code PostgreSQL}), shown in test names. */
    String name();

    /** In-memory H2, like {@link H2PartnerDatabase}. */
    static PartnerStoreKind h2() {
        return new PartnerStoreKind() {
            @Override
            public TestPartnerDatabase open(String partnerId, ScriptSource scripts) {
                return new H2PartnerDatabase(partnerId, scripts);
            }

            @Override
            public String name() {
                return "H2";
            }
        };
    }

    /** A new database on {@code server} for every {@link #open}, like {@link PostgresPartnerDatabase}. */
    static PartnerStoreKind postgresql(PostgresServer server) {
        return new PartnerStoreKind() {
            @Override
            public TestPartnerDatabase open(String partnerId, ScriptSource scripts) {
                return new PostgresPartnerDatabase(server, partnerId, scripts);
            }

            @Override
            public String name() {
                return "PostgreSQL";
            }
        };
    }
}
