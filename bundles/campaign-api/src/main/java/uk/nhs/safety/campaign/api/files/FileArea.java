package uk.nhs.safety.campaign.api.files;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The folders console commands read files from and write files to, and the rule that keeps them there. Provided by
 * core (configuration PID {@code uk.nhs.safety.campaign.files}); partners' commands use it for every file name an
 * operator gives them.
 *
 * <p>A name is resolved against the folder when it is relative; an absolute path is accepted only when it lies
 * inside the folder. The check is made on the real path (symbolic links resolved, {@code ..} removed) of the file,
 * or of its nearest existing parent when it does not exist yet, so neither {@code ..} nor a link leads out. Paths
 * under Karaf's {@code etc/} (or {@code karaf.etc}) and {@code deploy/} folders are always refused, even when a
 * folder is configured to contain them.
 */
@ProviderType
public interface FileArea {

    /** The folder files are read from, absolute (created on first use). */
    Path importFolder();

    /** The folder files are written to, absolute (created on first use). */
    Path exportFolder();

    /**
     * The file {@code name} designates inside the import folder, for reading.
     *
     * @param name a file name or path, relative to the import folder or absolute inside it
     * @return the file's absolute real path (it may not exist: opening it then fails as usual)
     * @throws FileRefusedException when the name is empty or leads outside the import folder or into a protected
     *                              folder; the message names the path and the folder
     */
    Path readable(String name);

    /**
     * The file {@code name} designates inside the export folder, for writing; its parent folders are created (inside
     * the export folder) when missing.
     *
     * @param name a file name or path, relative to the export folder or absolute inside it
     * @return the file's absolute real path
     * @throws FileRefusedException when the name is empty or leads outside the export folder or into a protected
     *                              folder; the message names the path and the folder
     */
    Path writable(String name);
}
