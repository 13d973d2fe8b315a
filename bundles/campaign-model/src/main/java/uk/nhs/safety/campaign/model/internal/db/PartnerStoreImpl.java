package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerSchema;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.api.partner.SqlWork;

/**
 * Partners' tables in the campaign database: runs each partner's migrations (recorded per partner in
 * {@code partner_schema_version}), refusing scripts that touch objects outside the partner's prefix ({@link PartnerSchema}, the
 * check the partner test kit applies too).
 */
// enabled by Database once the store is up; registered under its own class too for StoreCopierImpl
@Component(service = {PartnerStore.class, PartnerStoreImpl.class}, enabled = false)
public class PartnerStoreImpl implements PartnerStore {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerStoreImpl.class);
    private final Database database;
    private final Clock clock;
    /** The scripts of each partner that opened its store here, for {@link StoreCopy} to recreate its tables. */
    private final Map<String, ScriptSource> opened = new ConcurrentHashMap<>();

    @Activate
    public PartnerStoreImpl(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    public PartnerStoreImpl(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public PartnerDatabase open(String partnerId, ScriptSource scripts) {
        String prefix = PartnerSchema.prefix(partnerId);
        database.requireUp();
        Migrations migrations = new Migrations(scripts, "index.txt", clock, new Migrations.History(partnerId),
                (script, statements) -> PartnerSchema.checkNames(partnerId, script.script(), statements));
        // Serialised per partner by a database lock: across nodes, and across a refresh overlapping two versions.
        List<Integer> applied = migrations.apply(database.dataSource());
        if (!applied.isEmpty()) {
            LOG.info("Partner {} schema migrated: applied versions {}", partnerId, applied);
        }
        int version = migrations.latestApplied(database.dataSource());
        opened.put(partnerId, scripts);
        return new Opened(partnerId, prefix, product(), version, database);
    }

    /** The scripts of every partner that opened its store on this node, by partner id. */
    public Map<String, ScriptSource> openedScripts() {
        return Map.copyOf(opened);
    }

    private String product() {
        return database.read(c -> c.getMetaData().getDatabaseProductName());
    }

    private record Opened(String partnerId, String prefix, String product, int schemaVersion, Database database)
            implements PartnerDatabase {

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            return database.inTransaction(work);
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            return database.read(work);
        }

        @Override
        public BulkLoader bulkLoad(Connection connection, String table, List<String> columns) throws SQLException {
            return BulkLoads.open(connection, prefix, table, columns);
        }
    }
}
