package uk.nhs.safety.campaign.api.partner;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a partner's migration scripts are: opens {@code index.txt} and each script it lists by name. Bundle class
 * loaders cannot list a folder, hence the index.
 */
@ConsumerType
@FunctionalInterface
public interface ScriptSource {

    /** Opens the resource {@code name}, or answers {@code null} when there is none. */
    InputStream open(String name) throws IOException;

    /**
     * The scripts in {@code folder} of the bundle that holds {@code anchor}, e.g.
     * {@code classpath(ClaimsStore.class, "db")} for {@code <anchor's package>/db/index.txt}.
     */
    static ScriptSource classpath(Class<?> anchor, String folder) {
        return name -> anchor.getResourceAsStream(folder + "/" + name);
    }
}
