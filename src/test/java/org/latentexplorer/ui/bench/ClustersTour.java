package org.latentexplorer.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.latentexplorer.ui.clusters.ClustersViewModel;
import org.latentexplorer.ui.map.MapViewModel;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.Screenshots;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.FxTaskExecutor;

/**
 * Opens a model on the Clusters tab, times "select a cluster → 10×10 sample grid on screen" and writes
 * screenshots to target/screenshots/PREFIX-clusters*.png. For a plain VAE it first fits k-means (K = 10).
 * The time runs from the selection (what a click does) on the FX thread to the first layout pulse after
 * the grid image was set, so it includes sampling, drawing the tiles and handing the image to the scene.
 */
public final class ClustersTour {
    private static MainWindow window;
    private static volatile long drawnAt;
    private static volatile long shownAt;

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        String prefix = args[1];
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path config = Files.createTempDirectory("ui-shots");
        fx(() -> {
            Stage stage = new Stage();
            window = new MainWindow(stage, new DefaultCoreServices(model), new FxTaskExecutor(), new SettingsStore(config), null);
            stage.setWidth(1200);
            stage.setHeight(820);
            window.show();
        });
        until(() -> window.session().workspace() != null);
        ClustersViewModel vm = window.clustersViewModel();
        fx(() -> window.tabs().getSelectionModel().select(3));
        until(() -> vm.stateProperty().get() != ClustersViewModel.State.LOADING);
        if (vm.stateProperty().get() == ClustersViewModel.State.NO_CLUSTERS) {
            Thread.sleep(500);
            shot(prefix + "-clusters-none");
            fx(vm::fitClusters);
            until(() -> vm.stateProperty().get() == ClustersViewModel.State.READY);
        }
        fx(() -> window.clustersView().setOnGridDrawn(() -> {
            shownAt = System.nanoTime();
            window.clustersView().getScene().addPostLayoutPulseListener(
                new Runnable() {
                    @Override
                    public void run() {
                        drawnAt = System.nanoTime();
                        window.clustersView().getScene().removePostLayoutPulseListener(this);
                    }
                });
        }));
        // First every grid decoded on a worker when clicked, then with the decoded clusters kept (the default).
        fx(() -> vm.setKeepSamples(false));
        clicks(vm, model, prefix, repeats, "decoded on a worker at each click");
        fx(() -> vm.setKeepSamples(true));
        Thread.sleep(3000); // the clusters are decoded ahead meanwhile
        clicks(vm, model, prefix, repeats, "decoded ahead and kept");
        fx(() -> vm.select(List.of(2)));
        Thread.sleep(800);
        shot(prefix + "-clusters");
        if (vm.hasWProperty().get()) {
            fx(() -> vm.modeProperty().set(ClustersViewModel.Mode.FIX_Z_VARY_W));
            Thread.sleep(1000);
            shot(prefix + "-clusters-vary-w");
            fx(() -> vm.modeProperty().set(ClustersViewModel.Mode.FIX_W_VARY_Y));
            Thread.sleep(1000);
            shot(prefix + "-clusters-vary-y");
        }
        // The map coloured by the same clusters, cluster 2 picked on the Clusters screen highlighted.
        fx(() -> vm.modeProperty().set(ClustersViewModel.Mode.SAMPLES));
        long c0 = System.nanoTime();
        fx(() -> {
            window.tabs().getSelectionModel().select(0);
            window.mapViewModel().colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        });
        until(() -> window.mapViewModel().clusterNoteProperty().get().contains("clusters ·"));
        System.out.printf(Locale.ROOT, "[clusters] map coloured by cluster: responsibilities of %d points in %.0f ms%n",
                window.mapViewModel().colours().length, (System.nanoTime() - c0) / 1e6);
        Thread.sleep(800);
        System.out.println(Screenshots.save(window.mapView().getScene(), prefix + "-map-clusters"));
        fx(() -> vm.select(List.of()));
        Thread.sleep(500);
        System.out.println(Screenshots.save(window.mapView().getScene(), prefix + "-map-clusters-all"));
        // Clicks on the Clusters screen while the map (on its hidden tab) follows the selected cluster.
        fx(() -> window.tabs().getSelectionModel().select(3));
        Thread.sleep(500);
        clicks(vm, model, prefix, repeats, "decoded ahead and kept, map coloured by cluster");
        Platform.exit();
        System.exit(0);
    }

    /** Clicks the clusters in turn {@code repeats} times and prints the click → drawn times; the first five are warm-up. */
    private static void clicks(ClustersViewModel vm, Path model, String prefix, int repeats, String how) throws Exception {
        int k = vm.rows().size();
        double[] ms = new double[repeats];
        double[] work = new double[repeats];
        double[] shown = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            int c = i % k;
            drawnAt = 0;
            long[] t0 = new long[1];
            fx(() -> {
                t0[0] = System.nanoTime();
                vm.select(List.of(c));
            });
            try {
                until(() -> drawnAt != 0);
            } catch (IllegalStateException e) {
                fx(() -> System.out.println("state " + vm.stateProperty().get() + " grid " + vm.gridProperty().get()
                        + " summary " + vm.summaryProperty().get() + " message " + vm.messageProperty().get()));
                shot(prefix + "-clusters-debug");
                throw e;
            }
            ms[i] = (drawnAt - t0[0]) / 1e6;
            work[i] = vm.gridProperty().get().computeNanos() / 1e6;
            shown[i] = (shownAt - t0[0]) / 1e6;
        }
        double[] warm = sortedTail(ms);
        double[] warmWork = sortedTail(work);
        double[] warmShown = sortedTail(shown);
        System.out.printf(Locale.ROOT, "[clusters] %s, %s: select → 10×10 grid drawn, first %.1f ms, warm median %.1f ms, "
                + "p90 %.1f ms, max %.1f ms (%d warm runs)%n", model.getFileName(), how, ms[0], warm[warm.length / 2],
                warm[(int) (warm.length * 0.9)], warm[warm.length - 1], warm.length);
        System.out.printf(Locale.ROOT, "[clusters]   of which sampling + decoding on the worker: median %.1f ms; "
                + "click → grid image updated on the FX thread: median %.1f ms (the rest waits for the next pulse)%n",
                warmWork[warmWork.length / 2], warmShown[warmShown.length / 2]);
    }

    private static double[] sortedTail(double[] x) {
        double[] t = Arrays.copyOfRange(x, Math.min(5, x.length - 1), x.length);
        Arrays.sort(t);
        return t;
    }

    private static void shot(String name) throws Exception {
        fx(() -> { });
        System.out.println(Screenshots.save(window.clustersView().getScene(), name));
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            f.complete(null);
        });
        f.get(120, TimeUnit.SECONDS);
    }

    private static void until(BooleanSupplier c) throws Exception {
        for (int i = 0; i < 4000; i++) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(c.getAsBoolean()));
            if (f.get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }
}
