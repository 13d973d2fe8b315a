package uk.nhs.safety.campaign.model.internal.deploy;

import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.logging.spi.PaxAppender;
import org.ops4j.pax.logging.spi.PaxLoggingEvent;
import org.osgi.service.component.annotations.Component;

/**
 * Reads the report of Karaf's dry runs. Karaf's features service prints what a simulated install would do only as
 * log lines (INFO, its own thread), so this appender, fed by Pax Logging's OSGi appender ({@code PaxOsgi}, filter
 * {@code *}, in the shipped {@code etc/org.ops4j.pax.logging.cfg}), keeps the features service's lines while a
 * capture is open. Captures are serialised by their callers (one partner change at a time on a node).
 */
@Component(service = {PaxAppender.class, SimulationLog.class},
        property = "org.ops4j.pax.logging.appender.name=safety-partner-install")
public class SimulationLog implements PaxAppender {

    /** The logger of Karaf's features service, which prints the deployer's report. */
    static final String FEATURES_LOGGER = "org.apache.karaf.features.internal.service.FeaturesServiceImpl";

    private final Object lock = new Object();
    private List<String> lines;

    /** Work whose log lines are wanted. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    @Override
    public void doAppend(PaxLoggingEvent event) {
        if (!FEATURES_LOGGER.equals(event.getLoggerName())) {
            return;
        }
        synchronized (lock) {
            if (lines != null) {
                lines.add(event.getRenderedMessage());
            }
        }
    }

    /** Runs the work and returns the features service's log lines written meanwhile. */
    List<String> capture(Work work) throws Exception {
        List<String> captured = new ArrayList<>();
        synchronized (lock) {
            lines = captured;
        }
        try {
            work.run();
        } finally {
            synchronized (lock) {
                lines = null;
            }
        }
        synchronized (lock) {
            return List.copyOf(captured);
        }
    }
}
