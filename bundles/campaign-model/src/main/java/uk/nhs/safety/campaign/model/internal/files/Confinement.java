package uk.nhs.safety.campaign.model.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import uk.nhs.safety.campaign.api.files.FileRefusedException;

/**
 * The rule that keeps a file name inside one folder and out of the protected ones.
 *
 * <p>The name is resolved against the folder (or taken as it is when absolute) and normalised; then the real path of
 * the nearest part that exists (the file itself, or its nearest existing parent) is taken, so that a symbolic link,
 * anywhere on the way, is followed before the check and cannot lead out. The parts that do not exist yet are
 * appended to it unchanged (they contain no {@code ..} after normalisation and are not links, since they do not
 * exist). The result must lie inside the folder's real path and outside every protected folder's real path.
 *
 * @param kind      what the folder is for, for messages: "import" or "export"
 * @param folder    the folder, absolute
 * @param protect   folders never read or written, absolute (they need not exist)
 */
record Confinement(String kind, Path folder, List<Path> protect) {

    Confinement {
        folder = folder.toAbsolutePath().normalize();
        protect = protect.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * The real path {@code name} designates inside the folder.
     *
     * @param create whether to create the missing parent folders (inside the folder) of the file
     */
    Path resolve(String name, boolean create) {
        if (name == null || name.isBlank()) {
            throw refused("a file name is required (inside the " + kind + " folder " + folder + ")");
        }
        Path given;
        try {
            given = Path.of(name.trim());
        } catch (InvalidPathException e) {
            throw refused("'" + name + "' is not a valid path (" + kind + " folder " + folder + ")");
        }
        Path root = realFolder();
        Path candidate = (given.isAbsolute() ? given : root.resolve(given)).normalize();
        if (!candidate.startsWith(folder) && !candidate.startsWith(root)) {
            throw refused("'" + name + "' is outside the " + kind + " folder " + folder);
        }
        Path real = real(candidate);
        if (!real.startsWith(root)) {
            throw refused("'" + name + "' leads to " + real + ", outside the " + kind + " folder " + folder);
        }
        for (Path p : protect) {
            Path realProtected = real(p);
            if (real.startsWith(realProtected) || real.startsWith(p)) {
                throw refused("'" + name + "' is inside " + p + ", where console commands never read or write"
                        + " (" + kind + " folder " + folder + ")");
            }
        }
        if (create && real.getParent() != null && !real.equals(root)) {
            try {
                Files.createDirectories(real.getParent());
            } catch (IOException e) {
                throw refused("cannot create the folder " + real.getParent() + " in the " + kind + " folder "
                        + folder + ": " + e);
            }
        }
        return real;
    }

    /** The folder's real path, creating it on first use. */
    private Path realFolder() {
        try {
            return Files.createDirectories(folder).toRealPath();
        } catch (IOException e) {
            throw refused("cannot create the " + kind + " folder " + folder + ": " + e);
        }
    }

    /** The real path of the nearest existing part of {@code path}, with the missing rest appended. */
    static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            // a dangling link or a part we may not read: refuse rather than guess where it leads
            throw new FileRefusedException("'" + path + "' cannot be resolved: " + e.getMessage());
        }
    }

    private static FileRefusedException refused(String message) {
        return new FileRefusedException(message);
    }
}
