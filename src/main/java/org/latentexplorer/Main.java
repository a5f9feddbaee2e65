package org.latentexplorer;

import org.latentexplorer.cli.LatentExplorerCommand;
import org.latentexplorer.platform.Natives;

/**
 * Entry point. With a sub-command it runs headless ({@code latent-explorer train ...}); without
 * arguments it opens the window on the embedded default model and data.
 */
public final class Main {
    private Main() {
    }

    /** The folder holding models/ (set by the launcher; the working directory otherwise). */
    public static java.nio.file.Path home() {
        return java.nio.file.Path.of(System.getProperty("latentexplorer.home", "."));
    }

    public static void main(String[] args) {
        try {
            Natives.init();
        } catch (Natives.UnsupportedPlatformException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (OutOfMemoryError e) {
            // Only with an absurdly small heap (-Xmx32m): loading the natives is the first big allocation.
            System.err.println("out of memory while loading the native libraries (this program may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): give it more with LATENT_EXPLORER_JAVA_OPTS=-Xmx2g");
            System.exit(1);
        }
        org.latentexplorer.common.StartupClock.mark("natives loaded");
        if (args.length == 0) {
            javafx.application.Application.launch(org.latentexplorer.ui.ExplorerApp.class, args);
            return;
        }
        int code = LatentExplorerCommand.run(args);
        System.exit(code);
    }
}
