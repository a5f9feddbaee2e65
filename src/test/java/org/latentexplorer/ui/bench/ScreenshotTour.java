package org.latentexplorer.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.latentexplorer.ui.manifold.ManifoldViewModel;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.FxTaskExecutor;

/** Opens a real model and writes screenshots of each screen to target/screenshots/PREFIX-*.png. */
public final class ScreenshotTour {
    private static MainWindow window;

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        String prefix = args[1];
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path config = Files.createTempDirectory("ui-shots");
        fx(() -> {
            Stage stage = new Stage();
            window = new MainWindow(stage, new DefaultCoreServices(model), new FxTaskExecutor(), new SettingsStore(config), null);
            stage.setWidth(1200);
            stage.setHeight(780);
            window.show();
        });
        until(() -> window.mapView().frameTimes().count() > 0);
        fx(() -> {
            var w = window.session().workspace();
            // Two examples of different classes: the strip then morphs one digit into another.
            int a = 0;
            int b = 1;
            while (w.dataset().labels()[b] == w.dataset().labels()[a]) {
                b++;
            }
            window.session().select(a, b);
            window.mapViewModel().hover(a);
        });
        Thread.sleep(1500);
        shot(prefix + "-map");
        fx(() -> window.tabs().getSelectionModel().select(1));
        until(() -> window.manifoldViewModel().complete() && window.manifoldViewModel().stripProperty().get() != null);
        Thread.sleep(800);
        shot(prefix + "-manifold");
        if (window.session().workspace().model().latentDim() > 2) {
            fx(() -> window.manifoldViewModel().modeProperty().set(ManifoldViewModel.PlaneMode.PAIR));
            Thread.sleep(1500);
            shot(prefix + "-manifold-pair");
        }
        Platform.exit();
        System.exit(0);
    }

    private static void shot(String name) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(null));
        f.get(10, TimeUnit.SECONDS);
        System.out.println(Screenshots.save(window.mapView().getScene(), name));
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            f.complete(null);
        });
        f.get(60, TimeUnit.SECONDS);
    }

    private static void until(BooleanSupplier c) throws Exception {
        for (int i = 0; i < 2400; i++) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(c.getAsBoolean()));
            if (f.get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }
}
