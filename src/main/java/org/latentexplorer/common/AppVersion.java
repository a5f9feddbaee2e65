package org.latentexplorer.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The program's version, one fact for {@code --version} and Help → About: the Maven project version
 * that the build writes into {@code org/latentexplorer/version.properties} (resource filtering, pom.xml),
 * else the jar manifest's {@code Implementation-Version}, else {@code "unknown"} (classes compiled by
 * something other than Maven).
 */
public final class AppVersion {
    private static final String RESOURCE = "/org/latentexplorer/version.properties";
    private static final String VERSION = read();

    private AppVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                // Unfiltered (an IDE copied the file as it is): the placeholder is no version.
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Fall through to the manifest.
        }
        String manifest = AppVersion.class.getPackage().getImplementationVersion();
        return manifest != null && !manifest.isBlank() ? manifest : "unknown";
    }
}
