package org.latentexplorer.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentexplorer.common.AtomicFiles;

/**
 * Settings as a JSON file in the user's config folder ({@code $XDG_CONFIG_HOME/latent-explorer} or
 * {@code ~/.config/latent-explorer}); the system property {@code latentexplorer.config} overrides the
 * folder (tests use a temporary one). A missing or unreadable file gives the defaults: settings are a
 * convenience and must never stop the window from opening.
 */
public final class SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public SettingsStore(Path folder) {
        this.file = folder.resolve("settings.json");
    }

    public static SettingsStore userDefault() {
        String override = System.getProperty("latentexplorer.config");
        if (override != null && !override.isBlank()) {
            return new SettingsStore(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new SettingsStore(base.resolve("latent-explorer"));
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), Settings.class);
        } catch (IOException | RuntimeException e) {
            return Settings.defaults();
        }
    }

    public void save(Settings settings) {
        try {
            AtomicFiles.write(file, out -> JSON.writeValue(out, settings));
        } catch (IOException e) {
            // Losing the recent list is not worth an error dialog on exit.
        }
    }
}
