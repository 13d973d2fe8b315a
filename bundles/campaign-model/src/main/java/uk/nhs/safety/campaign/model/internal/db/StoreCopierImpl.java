package uk.nhs.safety.campaign.model.internal.db;

import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;

import uk.nhs.safety.campaign.api.CampaignException;
import uk.nhs.safety.campaign.api.ValidationException;
import uk.nhs.safety.campaign.api.Violation;
import uk.nhs.safety.campaign.api.store.StoreCopier;
import uk.nhs.safety.campaign.api.store.StoreCopyReport;

/**
 * {@link StoreCopier} for this node: the source is the store core runs on, the target a database reached through the
 * JDBC drivers installed here (pax-jdbc's {@link DataSourceFactory} services: H2 and PostgreSQL in the distribution).
 */
@Component(service = StoreCopier.class)
public class StoreCopierImpl implements StoreCopier {

    private final Database database;
    private final PartnerStoreImpl partners;
    private final Map<Long, DataSourceFactory> drivers = new ConcurrentHashMap<>();

    @Activate
    public StoreCopierImpl(@Reference Database database, @Reference PartnerStoreImpl partners) {
        this.database = database;
        this.partners = partners;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDriver")
    void addDriver(DataSourceFactory factory, ServiceReference<DataSourceFactory> reference) {
        drivers.put((Long) reference.getProperty("service.id"), factory);
    }

    void removeDriver(ServiceReference<DataSourceFactory> reference) {
        drivers.remove((Long) reference.getProperty("service.id"));
    }

    @Override
    public StoreCopyReport copyTo(String url, String user, String password) {
        DataSource target = target(url, user, password);
        database.requireUp();
        return new StoreCopy(Migrations.bundled(Clock.systemUTC()), partners.openedScripts(), Clock.systemUTC())
                .copy(database.dataSource(), target);
    }

    private DataSource target(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new ValidationException(List.of(Violation.of("url", url, "a JDBC URL, e.g."
                    + " jdbc:postgresql://localhost:5432/safety")));
        }
        for (DataSourceFactory factory : drivers.values()) {
            try {
                Driver driver = factory.createDriver(null);
                if (driver.acceptsURL(url)) {
                    Properties properties = new Properties();
                    properties.setProperty(DataSourceFactory.JDBC_URL, url);
                    if (user != null) {
                        properties.setProperty(DataSourceFactory.JDBC_USER, user);
                    }
                    properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password == null ? "" : password);
                    return factory.createDataSource(properties);
                }
            } catch (SQLException e) {
                throw new CampaignException("cannot create a data source for " + url + ": " + e.getMessage(), e);
            }
        }
        throw new ValidationException(List.of(Violation.of("url", url, "no JDBC driver installed here accepts this"
                + " URL (installed: PostgreSQL jdbc:postgresql://..., H2 jdbc:h2:...)")));
    }
}
