package uk.nhs.safety.campaign.console.internal;

import java.nio.file.Path;

import uk.nhs.safety.campaign.api.files.FileArea;
import uk.nhs.safety.campaign.api.files.FileRefusedException;

/** One folder to read from and write to; a name outside it is refused (core's rule is tested in campaign-model). */
final class FakeFileArea implements FileArea {

    private final Path folder;

    FakeFileArea(Path folder) {
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
        return inside(name, "export");
    }

    private Path inside(String name, String kind) {
        Path p = folder.resolve(name).normalize();
        if (!p.startsWith(folder)) {
            throw new FileRefusedException("'" + name + "' is outside the " + kind + " folder " + folder);
        }
        return p;
    }
}
