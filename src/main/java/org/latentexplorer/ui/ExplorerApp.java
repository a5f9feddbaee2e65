package org.latentexplorer.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.FxTaskExecutor;

/**
 * The explorer window. {@code org.latentexplorer.Main} launches it with
 * {@code Application.launch(ExplorerApp.class, args)} when run without arguments; JavaFX is on the
 * class path, so this class is launched like any other.
 */
public final class ExplorerApp extends Application {

    @Override
    public void start(Stage stage) {
        org.latentexplorer.common.StartupClock.mark("JavaFX started");
        SettingsStore store = SettingsStore.userDefault();
        var settings = store.load();
        DefaultCoreServices services = new DefaultCoreServices();
        // A window at once, saying what happens, while the screens are built on the next pulse (about a
        // second): the user sees the program answer instead of nothing.
        javafx.scene.control.Label line = new javafx.scene.control.Label("Latent Explorer is starting: building the "
                + "screens, then reading the model…");
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(-1);
        javafx.scene.layout.VBox splash = new javafx.scene.layout.VBox(10, line, bar);
        splash.setAlignment(javafx.geometry.Pos.CENTER);
        stage.setTitle("Latent Explorer");
        stage.setScene(new javafx.scene.Scene(splash, settings.width(), settings.height()));
        stage.show();
        org.latentexplorer.common.StartupClock.mark("first window");
        // Once the first window is up, the model is read on a worker while the screens are built.
        org.latentexplorer.ui.library.LibraryViewModel.initialModel(settings, services).ifPresent(services::readAhead);
        javafx.application.Platform.runLater(() ->
                new MainWindow(stage, services, new FxTaskExecutor(), store, null).show());
    }

    /** Runs the window directly (development; the program's entry point is {@code Main}). */
    public static void main(String[] args) {
        launch(ExplorerApp.class, args);
    }
}
