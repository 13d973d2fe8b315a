package uk.nhs.safety.partner.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.files.FileRefusedException;

/**
 * A {@link FileArea} for partners' command tests: one folder to read from and write to, a name that leads outside it
 * refused with core's message, missing parent folders created for writing. (Core's full rule, links and Karaf's
 * {@code etc/} included, is tested in core.)
 */
public final class FolderFileArea implements FileArea {

    private final Path folder;

    public FolderFileArea(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Path importFolder() {
        return folder;
    }

    @Override
    public Path exportFolder() {
        return folder;
    }

    @Override
    public Path readable(String name) {
        return inside(name, "import");
    }

    @Override
    public Path writable(String name) {
        Path p = inside(name, "export");
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new FileRefusedException("cannot create the folder " + p.getParent() + ": " + e);
        }
        return p;
    }

    private Path inside(String name, String kind) {
        if (name == null || name.isBlank()) {
            throw new FileRefusedException("a file name is required (inside the " + kind + " folder " + folder + ")");
        }
        Path p = folder.resolve(name.trim()).normalize();
        if (!p.startsWith(folder)) {
            throw new FileRefusedException("'" + name + "' is outside the " + kind + " folder " + folder);
        }
        return p;
    }
}
