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
        new MainWindow(stage, new DefaultCoreServices(), new FxTaskExecutor(), SettingsStore.userDefault(), null).show();
    }

    /** Runs the window directly (development; the program's entry point is {@code Main}). */
    public static void main(String[] args) {
        launch(ExplorerApp.class, args);
    }
}
