package uk.nhs.safety.partner.support.imports;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.partner.ImportReport;
import uk.nhs.safety.campaign.api.partner.ImportRequest;
import uk.nhs.safety.campaign.api.partner.PartnerDatabase;

/**
 * The base of a partner's file import into a {@link KeyedTable}, its setup written once: the partner's tables, who
 * is a campaign member, one import at a time ({@link #exclusive}) and one transaction per import whose valid rows
 * the partner's {@link CsvImport.Loader} writes through a {@link TableLoad} ({@link #load}). Thread-safe.
 *
 * @param <R> a valid row
 */
public abstract class KeyedImport<R> {

    /** Makes an import's loader over its {@link TableLoad}. */
    public interface Loaders<R> {
        CsvImport.Loader<R> open(TableLoad load) throws SQLException;
    }

    private final PartnerDatabase database;
    private final Predicate<String> isMember;
    private final KeyedTable table;
    private final List<String> columns;

    /**
     * @param database the partner's tables
     * @param isMember whether an ODS code is a campaign member (asked once per distinct code per import)
     * @param table    the table the import fills by key, one import at a time
     * @param columns  the columns a {@code COPY} fills (PostgreSQL), in the order the loader gives values
     */
    protected KeyedImport(PartnerDatabase database, Predicate<String> isMember, KeyedTable table,
                          List<String> columns) {
        this.database = database;
        this.isMember = isMember;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** The partner's tables. */
    protected final PartnerDatabase database() {
        return database;
    }

    /** Whether an ODS code is a campaign member. */
    protected final Predicate<String> isMember() {
        return isMember;
    }

    /** Runs {@code work} unless an import of the table runs already, on any node ({@link KeyedTable#exclusive}). */
    protected final ImportReport exclusive(Supplier<ImportReport> work) {
        return table.exclusive(work);
    }

    /** Reads {@code request}'s file with {@code engine} into the loader {@code loaders} makes, in one transaction. */
    protected final ImportReport load(ImportRequest request, CsvImport<R> engine, Loaders<R> loaders) {
        return table.load(database, columns, load -> engine.run(request, loaders.open(load)));
    }
}
