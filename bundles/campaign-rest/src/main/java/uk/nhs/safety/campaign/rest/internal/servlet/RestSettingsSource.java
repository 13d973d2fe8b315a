package uk.nhs.safety.campaign.rest.internal.servlet;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.rest.internal.api.RestSettings;

/**
 * Holds the HTTP API's live settings (PID {@code uk.nhs.safety.campaign.rest}). The configuration lives here and not
 * on the servlet because Declarative Services copies a component's configuration into its service properties: on
 * the servlet, every change would make the HTTP Whiteboard unregister and register it again, and {@code /api/v1}
 * would answer 404 meanwhile. Here a change only swaps the settings the next request reads.
 */
@Component(service = RestSettingsSource.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class RestSettingsSource implements Supplier<RestSettings> {

    private static final Logger LOG = LoggerFactory.getLogger(RestSettingsSource.class);

    private static final Pattern PROXY = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private volatile RestSettings settings;

    @Activate
    public RestSettingsSource(RestConfig config) {
        this.settings = settings(config);
    }

    @Modified
    void modified(RestConfig config) {
        RestSettings changed;
        try {
            changed = settings(config);
        } catch (IllegalArgumentException e) {
            LOG.error("HTTP API settings not changed, keeping {}: {}", settings, e.getMessage());
            return;
        }
        settings = changed;
        LOG.info("HTTP API settings changed: {}", changed);
    }

    /** The settings now; each request reads them once. */
    @Override
    public RestSettings get() {
        return settings;
    }

    static RestSettings settings(RestConfig config) {
        Set<String> proxies = new LinkedHashSet<>();
        String listed = config.trustedProxies();
        if (listed != null) {
            for (String address : listed.split(",")) {
                String trimmed = address.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!PROXY.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException(RestConfig.PID + " trustedProxies: '" + trimmed
                            + "' is not an IP address");
                }
                proxies.add(trimmed);
            }
        }
        return new RestSettings(config.maxJsonBytes(), config.maxCsvBytes(), config.anonymousMaxAgeSeconds(),
                proxies);
    }
}
