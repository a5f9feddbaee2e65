package org.latentexplorer.ui.services;

import java.nio.file.Path;

/**
 * Where the window saves the models a user makes (trained or imported) unless told otherwise: the
 * user's data folder ({@code $XDG_DATA_HOME/latent-explorer/models} or
 * {@code ~/.local/share/latent-explorer/models}), never the program's own {@code models} folder, which
 * holds the shipped bundles and may be read-only. The system property {@code latentexplorer.models}
 * overrides it (tests point it under {@code target/}).
 */
public final class ModelsFolder {
    private ModelsFolder() {
    }

    public static Path userDefault() {
        String override = System.getProperty("latentexplorer.models");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("latent-explorer").resolve("models");
    }
}
