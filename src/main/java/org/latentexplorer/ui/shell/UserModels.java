package org.latentexplorer.ui.shell;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the models a user trains go by default: {@code ~/LatentExplorer/models}, a folder they can see
 * and find in any file manager, never the program's own folder (which may be read-only and is replaced
 * on update). The models are the user's documents, to open, copy and send, not application state, so
 * not the hidden XDG data folder either. The system property {@code latentexplorer.models} or the
 * environment variable {@code LATENT_EXPLORER_MODELS} names another folder.
 */
public final class UserModels {
    public static final String PROPERTY = "latentexplorer.models";
    public static final String ENV = "LATENT_EXPLORER_MODELS";

    private UserModels() {
    }

    /** The folder for this user and environment; it is created when the first model is written there. */
    public static Path folder() {
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
