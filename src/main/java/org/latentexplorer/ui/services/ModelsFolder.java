package org.latentexplorer.ui.services;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the window saves the models a user makes (trained or imported) unless told otherwise:
 * {@code ~/LatentExplorer/models}, a folder they can see and find in any file manager. The models are
 * the user's documents, to open, copy and send, so neither the hidden XDG data folder nor the program's
 * own {@code models} folder (which holds the shipped bundles, may be read-only and is replaced on
 * update). The system property {@code latentexplorer.models} or the environment variable
 * {@code LATENT_EXPLORER_MODELS} names another folder (the tests point it under {@code target/}).
 */
public final class ModelsFolder {
    public static final String PROPERTY = "latentexplorer.models";
    public static final String ENV = "LATENT_EXPLORER_MODELS";

    private ModelsFolder() {
    }

    /** The folder for this user and environment; it is created when the first model is written there. */
    public static Path userDefault() {
        return folder(System.getProperties(), System.getenv());
    }

    static Path folder(Properties props, Map<String, String> env) {
        String p = props.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            return Path.of(e);
        }
        return Path.of(props.getProperty("user.home"), "LatentExplorer", "models");
    }
}
