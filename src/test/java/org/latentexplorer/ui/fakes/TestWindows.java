package org.latentexplorer.ui.fakes;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.shell.FileDialogs;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.FxTaskExecutor;
import org.testfx.util.WaitForAsyncUtils;

/** What the TestFX window tests share: the window opened at a fixed size, and waiting for a condition. */
public final class TestWindows {
    private TestWindows() {
    }

    /**
     * The main window on {@code services} with the real (threaded) executor, its settings in
     * {@code config}, shown at 1200×800; {@code dialogs} null means the real file dialogs.
     */
    public static MainWindow open(Stage stage, CoreServices services, Path config, FileDialogs dialogs) {
        MainWindow window = new MainWindow(stage, services, new FxTaskExecutor(), new SettingsStore(config), dialogs);
        stage.setWidth(1200);
        stage.setHeight(800);
        window.show();
        return window;
    }

    /** Waits up to 20 s for {@code condition}, then for the FX events it queued. */
    public static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
