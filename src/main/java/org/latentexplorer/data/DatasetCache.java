package org.latentexplorer.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The user's data folder: downloaded files ({@code <dir>/<name>/<file>}) and the library of imported
 * data sets ({@code <dir>/library.json}). The folder is, in order of precedence, the system property
 * {@code latentexplorer.cache}, the environment variable {@code LATENT_EXPLORER_CACHE},
 * {@code $XDG_CACHE_HOME/latent-explorer}, or {@code ~/.cache/latent-explorer}.
 *
 * @param dir the cache folder (created when something is written)
 */
public record DatasetCache(Path dir) {
    public static final String PROPERTY = "latentexplorer.cache";
    public static final String ENV = "LATENT_EXPLORER_CACHE";

    /** The cache chosen by the system properties and environment of this process. */
    public static DatasetCache fromEnvironment() {
        return new DatasetCache(defaultDir(System.getProperties(), System.getenv()));
    }

    /** The folder chosen by the given properties and environment (see the class comment). */
    static Path defaultDir(Properties props, Map<String, String> env) {
        String p = props.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            return Path.of(e);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "latent-explorer");
        }
        return Path.of(props.getProperty("user.home"), ".cache", "latent-explorer");
    }

    /** The folder for the named data set's files. */
    public Path folder(String name) {
        return dir.resolve(name);
    }

    /** The library of imported data sets. */
    public Path libraryFile() {
        return dir.resolve("library.json");
    }
}
