package uk.nhs.safety.campaign.model.internal.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.cluster.LocalNode;

/**
 * This node's identity: the configured id, or the host name with a random suffix chosen once and kept in
 * {@code ${karaf.data}/safety/node-id}, so that two nodes unpacked on one machine differ and a restart keeps the id.
 */
@Component(service = LocalNode.class, configurationPid = LocalNodeImpl.PID, immediate = true)
@Designate(ocd = LocalNodeImpl.Config.class)
public final class LocalNodeImpl implements LocalNode {

    /** The configuration PID. */
    public static final String PID = "uk.nhs.safety.campaign.node";

    private static final Logger LOG = LoggerFactory.getLogger(LocalNodeImpl.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,62}");

    /** Which node this is. */
    @ObjectClassDefinition(name = "Sign up to Safety node",
            description = "This Karaf node's identity among the nodes sharing the campaign database")
    public @interface Config {
        @AttributeDefinition(name = "Node id", required = false, description = "Unique among the nodes sharing a"
                + " database (letters, digits, '.', '_', ':', '-'; at most 63); empty: the host name and a random"
                + " suffix chosen on first start, kept in data/safety/node-id")
        String id() default "";
    }

    private final String id;
    private final Instant startedAt;
    private final String version;

    @Activate
    public LocalNodeImpl(Config config, BundleContext context) {
        this(config.id(), Optional.ofNullable(System.getProperty("karaf.data")).map(d -> Path.of(d, "safety",
                "node-id")), Clock.systemUTC(), context.getBundle().getVersion().toString());
        LOG.info("This node is {} (core {})", id, version);
    }

    /**
     * @param configured the configured id, empty for the remembered or a new one
     * @param remembered where a chosen id is kept; empty: chosen anew (tests)
     */
    public LocalNodeImpl(String configured, Optional<Path> remembered, Clock clock, String version) {
        this.id = configured != null && !configured.isBlank() ? valid(configured.strip())
                : remembered.map(LocalNodeImpl::rememberedOrNew).orElseGet(LocalNodeImpl::newId);
        this.startedAt = clock.instant();
        this.version = version;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String version() {
        return version;
    }

    private static String valid(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(PID + " id '" + id + "': must be 1 to 63 letters, digits, '.', '_',"
                    + " ':' or '-', starting with a letter or digit");
        }
        return id;
    }

    private static String rememberedOrNew(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (ID.matcher(kept).matches()) {
                    return kept;
                }
                LOG.warn("Ignoring the node id '{}' in {}: not a valid id; choosing a new one", kept, file);
            }
            String chosen = newId();
            Files.createDirectories(file.getParent());
            Files.writeString(file, chosen + "\n", StandardCharsets.UTF_8);
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or keep this node's id in " + file + ": " + e.getMessage(), e);
        }
    }

    static String newId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOG.debug("No host name for the node id; using 'node'", e);
            host = "node";
        }
        String cleaned = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-").replaceAll("\\..*", "");
        if (cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0))) {
            cleaned = "node";
        }
        if (cleaned.length() > 50) {
            cleaned = cleaned.substring(0, 50);
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return cleaned + "-" + HexFormat.of().formatHex(suffix);
    }
}
