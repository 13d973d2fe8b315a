package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.partner.BulkLoader;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;
import uk.nhs.safety.campaign.api.partner.PartnerStore;
import uk.nhs.safety.campaign.api.partner.ScriptSource;
import uk.nhs.safety.campaign.api.partner.SqlWork;

/**
 * Partners' tables in the campaign database: runs each partner's migrations (recorded per partner in
 * {@code partner_schema_version}), refusing scripts that touch objects outside the partner's prefix.
 */
// enabled by Database once the store is up; registered under its own class too for StoreCopierImpl
@Component(service = {PartnerStore.class, PartnerStoreImpl.class}, enabled = false)
public class PartnerStoreImpl implements PartnerStore {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerStoreImpl.class);
    private static final Pattern PARTNER_ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final String NAME = "(\"?[A-Za-z_][A-Za-z0-9_.]*\"?)";
    /** The statements that name an object, and the group holding the name. */
    private static final List<Pattern> NAMED = List.of(
            Pattern.compile("\\bCREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX|VIEW|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + NAME, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:ALTER|DROP)\\s+(?:TABLE|INDEX|VIEW|SEQUENCE)\\s+(?:IF\\s+EXISTS\\s+)?" + NAME,
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bON\\s+" + NAME + "\\s*\\(", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bREFERENCES\\s+" + NAME, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bCONSTRAINT\\s+" + NAME, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+" + NAME,
                    Pattern.CASE_INSENSITIVE));

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
        if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
            throw new CampaignException("partner id '" + partnerId
                    + "': must be 1 to 31 lower-case letters, digits or hyphens, starting with a letter");
        }
        database.requireUp();
        String prefix = partnerId.replace('-', '_') + "_";
        Migrations migrations = new Migrations(scripts, "index.txt", clock, new Migrations.History(partnerId),
                (script, statements) -> checkNames(prefix, script, statements));
        // Serialised per partner by a database lock: across nodes, and across a refresh overlapping two versions.
        List<Integer> applied = migrations.apply(database.dataSource());
        if (!applied.isEmpty()) {
            LOG.info("Partner {} schema migrated: applied versions {}", partnerId, applied);
        }
        int version = migrations.latestApplied(database.dataSource());
        opened.put(partnerId, scripts);
        return new Opened(partnerId, prefix, product(), version, database);
    }

    /** Refuses a script that names any table, index, view, sequence or constraint outside the partner's prefix. */
    /** The scripts of every partner that opened its store on this node, by partner id. */
    public Map<String, ScriptSource> openedScripts() {
        return Map.copyOf(opened);
    }

    static void checkNames(String prefix, Migration script, List<String> statements) {
        List<String> outside = new ArrayList<>();
        for (String statement : statements) {
            for (Pattern p : NAMED) {
                Matcher m = p.matcher(statement);
                while (m.find()) {
                    String name = m.group(1).replace("\"", "");
                    String bare = name.substring(name.lastIndexOf('.') + 1);
                    if (!bare.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        outside.add(bare);
                    }
                }
            }
        }
        if (!outside.isEmpty()) {
            throw new CampaignException("migration " + script.script() + " names " + String.join(", ",
                    outside.stream().distinct().toList()) + ": every object a partner creates or changes must be"
                    + " named with its prefix '" + prefix + "'");
        }
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
