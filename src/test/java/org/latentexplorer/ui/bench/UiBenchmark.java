package org.latentexplorer.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.ui.common.FrameTimes;
import org.latentexplorer.ui.manifold.GridImage;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.shell.MainWindow;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.FxTaskExecutor;
import org.latentexplorer.ui.training.TrainFormViewModel;

/**
 * Frame-time benchmarks of the window with a real MNIST model, run under Xvfb (see
 * docs/benchmarks-ui.md for the command). Prints p50/p95 of: the map's pan/zoom with 70,000 points,
 * the manifold grid's redraw while dragging (20×20 of 28×28), and the UI thread's lateness while a
 * model trains.
 */
public final class UiBenchmark {
    private static MainWindow window;
    private static PulseLog pulseLog;

    /** Arguments: the scenarios to run, any of {@code map manifold training}; none means all three. */
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable t) {
            // The FX thread would keep the JVM alive after a failure.
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        java.util.Set<String> scenarios = args.length == 0 ? java.util.Set.of("map", "manifold", "training")
                : java.util.Set.of(args);
        pulseLog = PulseLog.install();
        Path model = RealModels.mnist(2);
        Path config = Files.createTempDirectory("ui-bench");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        onFx(() -> {
            Stage stage = new Stage();
            window = new MainWindow(stage, new DefaultCoreServices(model), new FxTaskExecutor(), new SettingsStore(config), null);
            stage.setWidth(1280);
            stage.setHeight(820);
            window.show();
        });
        waitUntil(() -> window.mapView().frameTimes().count() > 0, 120);
        Thread.sleep(300);
        org.latentexplorer.ui.shell.Screenshots.save(window.mapView().getScene(), "real-map");
        System.out.println("[bench] model " + model + ", pipeline " + com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());

        if (scenarios.contains("map")) {
            mapScenario();
        }
        if (scenarios.contains("manifold")) {
            manifoldScenario();
        }
        if (scenarios.contains("training")) {
            trainingScenario();
        }
        if (scenarios.contains("projection")) {
            projectionScenario();
        }
        Platform.exit();
        System.exit(0);
    }

    /** Pan and zoom of the map with 70,000 points (the 10k MNIST codes seven times, jittered). */
    private static void mapScenario() throws Exception {
        onFx(() -> {
            Workspace w = window.session().workspace();
            Dataset d = w.dataset();
            int copies = 7;
            int n = d.size() * copies;
            float[] values = new float[n * d.dim()];
            int[] labels = new int[n];
            float[][] codes = new float[n][];
            SplittableRandom rng = new SplittableRandom(1);
            for (int c = 0; c < copies; c++) {
                System.arraycopy(d.values(), 0, values, c * d.values().length, d.values().length);
                System.arraycopy(d.labels(), 0, labels, c * d.size(), d.size());
                for (int i = 0; i < d.size(); i++) {
                    float[] z = w.codes()[i].clone();
                    for (int k = 0; k < z.length; k++) {
                        z[k] += (float) (rng.nextGaussian() * 0.05);
                    }
                    codes[c * d.size() + i] = z;
                }
            }
            window.session().workspaceProperty().set(new Workspace(w.model(),
                    new Dataset("mnist x7", d.shape(), n, values, labels, d.labelNames()), codes));
        });
        waitUntil(() -> window.mapViewModel().projectionProperty().get() != null
                && window.mapViewModel().projectionProperty().get().size() == 70_000, 30);
        FrameTimes pulses = new FrameTimes();
        FrameTimes frames = new FrameTimes();
        onFx(() -> window.mapView().frameTimes().clear());
        animate(300, pulses, frames, frame -> {
            if (frame % 10 == 9) {
                window.mapView().zoomBy(frame % 20 == 9 ? 1.15 : 1 / 1.15, 400, 300);
            } else {
                window.mapView().panBy(frame % 60 < 30 ? 4 : -4, 2);
            }
        });
        report("map pan/zoom, 70,000 points: draw (buffer + PixelWriter)", window.mapView().frameTimes());
        reportFrames("map pan/zoom, 70,000 points", frames, pulses);
    }

    /** Dragging the manifold grid by one step per pulse, slowly and then fast. */
    private static void manifoldScenario() throws Exception {
        var vm = window.manifoldViewModel();
        var view = window.manifoldView();
        onFx(() -> window.tabs().getSelectionModel().select(1));
        waitUntil(vm::complete, 30);
        Thread.sleep(300);
        org.latentexplorer.ui.shell.Screenshots.save(window.mapView().getScene(), "real-manifold");
        // Slow: 0.03 units a pulse (a cell is 8/19 = 0.42 units), fast: 0.2 units, about half a cell.
        for (double speed : new double[] {0.03, 0.2}) {
            String name = String.format(Locale.ROOT, "manifold 20x20 drag %.2f/pulse", speed);
            int[] incomplete = {0};
            long cellsBefore = vm.decodedCells();
            onFx(() -> {
                view.frameTimes().clear();
                vm.decodeTimes().clear();
            });
            FrameTimes pulses = new FrameTimes();
            FrameTimes frames = new FrameTimes();
            animate(300, pulses, frames, frame -> {
                if (view.missingCells() > 0) {
                    incomplete[0]++;
                }
                vm.pan(frame % 100 < 50 ? speed : -speed, speed / 3);
            });
            onFx(vm::settle);
            waitUntil(vm::complete, 30);
            Thread.sleep(300);
            report(name + ": change -> every cell on screen", view.frameTimes());
            report(name + ": decode of new cells (worker)", vm.decodeTimes());
            System.out.printf(Locale.ROOT, "[bench] %-58s %d cells in %d batches; %d of 300 frames had cells not yet decoded%n",
                    name + ": decoded", vm.decodedCells() - cellsBefore, vm.decodeTimes().count(), incomplete[0]);
            reportFrames(name, frames, pulses);
        }
        // The picture between cells (as while dragging) and after the drag ends, to look at.
        double cell = 2 * vm.halfSpan() / 19;
        onFx(() -> {
            vm.reset();
            vm.pan(0.37 * cell, -0.21 * cell);
        });
        waitUntil(vm::complete, 30);
        Thread.sleep(300);
        org.latentexplorer.ui.shell.Screenshots.save(window.mapView().getScene(), "real-manifold-between-cells");
        onFx(vm::settle);
        waitUntil(vm::complete, 30);
        Thread.sleep(300);
        org.latentexplorer.ui.shell.Screenshots.save(window.mapView().getScene(), "real-manifold-settled");
        FrameTimes sequential = new FrameTimes();
        var handle = window.session().workspace().model();
        float[][] codes = org.latentexplorer.sample.Plane.ofDims(new float[2], 0, 1).grid(0, 0, 4, 20);
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            float[][] images = handle.decode(codes);
            org.latentexplorer.ui.manifold.GridMath.tile(images, handle.config().inputShape(), 20);
            sequential.add(System.nanoTime() - t0);
        }
        report("manifold 20x20: decode 400 codes + tile, back to back (no UI)", sequential);
    }

    /** How late a 50 ms timer on the UI thread fires while a model trains. */
    private static void trainingScenario() throws Exception {
        FrameTimes lateness = new FrameTimes();
        CompletableFuture<Void> done = new CompletableFuture<>();
        onFx(() -> {
            TrainFormViewModel form = new TrainFormViewModel("mnist", Path.of("target", "bench"));
            form.integer(org.latentexplorer.ui.training.TrainField.EPOCHS).set(1);
            form.text(org.latentexplorer.ui.training.TrainField.OUTPUT)
                    .set(Path.of("target", "bench", "responsiveness.lexb").toString());
            window.tabs().getSelectionModel().select(4);
            window.trainingViewModel().start(form.toRequest());
            probe(lateness, () -> !window.trainingViewModel().runningProperty().get(), done);
        });
        done.get(300, TimeUnit.SECONDS);
        report("UI thread lateness while training (50 ms timer)", lateness);
        org.latentexplorer.ui.shell.Screenshots.save(window.mapView().getScene(), "real-training");
        onFx(() -> System.out.println("[bench] training chart points: "
                + window.trainingViewModel().lossSeries().stream().mapToInt(s -> s.getData().size()).sum()));
    }

    /**
     * A 50 ms timeline on the UI thread recording how late each tick comes (the window's answer time
     * to input), until {@code finished} holds.
     */
    private static void probe(FrameTimes lateness, BooleanSupplier finished, CompletableFuture<Void> done) {
        long[] last = {System.nanoTime()};
        Timeline probe = new Timeline();
        probe.getKeyFrames().add(new KeyFrame(Duration.millis(50), e -> {
            long now = System.nanoTime();
            lateness.add(Math.max(0, now - last[0] - 50_000_000L));
            last[0] = now;
            if (finished.getAsBoolean()) {
                probe.stop();
                done.complete(null);
            }
        }));
        probe.setCycleCount(Timeline.INDEFINITE);
        probe.play();
    }

    /** The UI thread's lateness while t-SNE lays out the 10,000 codes of the shipped 20-D MNIST model. */
    private static void projectionScenario() throws Exception {
        Path d20 = RealModels.mnist(20);
        onFx(() -> window.library().openModel(d20));
        waitUntil(() -> {
            Workspace w = window.session().workspace();
            var p = window.mapViewModel().projectionProperty().get();
            return w != null && w.model().latentDim() == 20 && p != null && !p.method().equals("identity");
        }, 180);
        FrameTimes lateness = new FrameTimes();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        onFx(() -> {
            window.tabs().getSelectionModel().select(0);
            window.mapViewModel().methodProperty().set(org.latentexplorer.ui.services.ProjectionSpec.TSNE);
            window.mapViewModel().reproject();
            probe(lateness, () -> {
                var p = window.mapViewModel().projectionProperty().get();
                return p != null && p.method().equals(org.latentexplorer.ui.services.ProjectionSpec.TSNE)
                        && !p.params().startsWith("iteration");
            }, done);
        });
        done.get(600, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "[bench] t-SNE of 10,000 codes in the window: %.1f s%n", (System.nanoTime() - start) / 1e9);
        report("UI thread lateness while t-SNE runs (50 ms timer)", lateness);
    }

    private interface Step {
        void run(int frame);
    }

    /**
     * Runs {@code step} once per pulse for {@code frames} pulses, recording the pulse intervals and,
     * with the pulse logger on, each pulse's duration (its start to the end of painting its frame).
     */
    private static void animate(int frames, FrameTimes pulses, FrameTimes durations, Step step) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (pulseLog != null) {
            pulseLog.record(durations);
        }
        CpuUse cpu = CpuUse.begin();
        onFx(() -> new AnimationTimer() {
            int frame;
            long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    pulses.add(now - last);
                }
                last = now;
                step.run(frame++);
                if (frame >= frames) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(120, TimeUnit.SECONDS);
        if (pulseLog != null) {
            pulseLog.record(null);
        }
        System.out.printf(Locale.ROOT, "[bench] %-58s %s%n", "CPU ms per frame", cpu.perFrame(frames));
    }

    /** The frame times (pulse durations) and pulse intervals of one scenario, and how many pulses came late. */
    private static void reportFrames(String what, FrameTimes durations, FrameTimes pulses) {
        if (durations.count() > 0) {
            report(what + ": frame (pulse start -> painted, whole ms)", durations);
        } else {
            System.out.printf("[bench] %s: frame durations need -Djavafx.pulseLogger=true%n", what);
        }
        report(what + ": interval between pulses", pulses);
        System.out.printf(Locale.ROOT, "[bench] %-58s %.1f%% of intervals over 25 ms (a pulse missed)%n", what + ": missed",
                100.0 * pulses.countOver(25_000_000L) / Math.max(1, pulses.count()));
    }

    private static void report(String what, FrameTimes t) {
        System.out.printf(Locale.ROOT, "[bench] %-58s %s%n", what, t.summary());
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        f.get(60, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(condition.getAsBoolean()));
            if (f.get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }
}
