package uk.nhs.safety.campaign.model.internal.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.files.FileArea;

/**
 * The console's import and export folders, inside the Karaf installation by default ({@code imports/} and
 * {@code exports/}), with Karaf's {@code etc/} and {@code deploy/} folders protected whatever is configured.
 */
@Component(configurationPid = KarafFileArea.PID, service = FileArea.class)
@Designate(ocd = KarafFileArea.Config.class)
public final class KarafFileArea implements FileArea {

    public static final String PID = "uk.nhs.safety.campaign.files";

    private static final Logger LOG = LoggerFactory.getLogger(KarafFileArea.class);

    /** The console's file folders. */
    @ObjectClassDefinition(name = "Sign up to Safety console files",
            description = "The folders console commands read files from and write files to")
    public @interface Config {
        @AttributeDefinition(name = "Import folder", required = false, description = "Where imports read files;"
                + " relative to the Karaf folder (karaf.home); empty: imports")
        String importFolder() default "";

        @AttributeDefinition(name = "Export folder", required = false, description = "Where exports and other"
                + " commands write files; relative to the Karaf folder (karaf.home); empty: exports")
        String exportFolder() default "";
    }

    private final Path home;
    private final List<Path> protect;
    private volatile Confinement imports;
    private volatile Confinement exports;

    @Activate
    public KarafFileArea(Config config) {
        this(Path.of(System.getProperty("karaf.home", ".")), protectedFolders(), config.importFolder(),
                config.exportFolder());
    }

    /**
     * @param home         what relative folders are resolved against
     * @param protect      folders never read or written
     * @param importFolder the import folder, empty for {@code imports}
     * @param exportFolder the export folder, empty for {@code exports}
     */
    public KarafFileArea(Path home, List<Path> protect, String importFolder, String exportFolder) {
        this.home = home.toAbsolutePath().normalize();
        this.protect = List.copyOf(protect);
        configure(importFolder, exportFolder);
    }

    @Modified
    void modified(Config config) {
        configure(config.importFolder(), config.exportFolder());
    }

    private void configure(String importFolder, String exportFolder) {
        this.imports = new Confinement("import", folder(importFolder, "imports"), protect);
        this.exports = new Confinement("export", folder(exportFolder, "exports"), protect);
        LOG.info("Console files: read from {}, written to {}", imports.folder(), exports.folder());
    }

    private Path folder(String setting, String fallback) {
        return home.resolve(setting == null || setting.isBlank() ? fallback : setting.trim()).normalize();
    }

    /** Karaf's etc/ (karaf.etc, and etc/ of karaf.home and karaf.base) and deploy/ folders. */
    static List<Path> protectedFolders() {
        List<Path> folders = new ArrayList<>();
        String etc = System.getProperty("karaf.etc");
        if (etc != null) {
            folders.add(Path.of(etc));
        }
        for (String base : new String[] {System.getProperty("karaf.home"), System.getProperty("karaf.base")}) {
            if (base != null) {
                folders.add(Path.of(base, "etc"));
                folders.add(Path.of(base, "deploy"));
            }
        }
        String deploy = System.getProperty("felix.fileinstall.dir");
        if (deploy != null) {
            folders.add(Path.of(deploy));
        }
        return folders;
    }

    @Override
    public Path importFolder() {
        return imports.folder();
    }

    @Override
    public Path exportFolder() {
        return exports.folder();
    }

    @Override
    public Path readable(String name) {
        return imports.resolve(name, false);
    }

    @Override
    public Path writable(String name) {
        return exports.resolve(name, true);
    }
}
