package org.latentexplorer.ui.training;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.model.TrainingHistory;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainingListener;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.services.TrainRequest;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.tasks.TaskHandle;

/**
 * The training screen: the stored curves of the open model, or a training run live. The trainer's
 * listener runs on the training thread and only queues plain values; {@link #flush()} (called by the
 * view about ten times a second, and by tests directly) moves them into the chart series on the UI
 * thread, one averaged point per series per flush, so a fast trainer cannot flood the charts.
 */
public final class TrainingViewModel {
    static final String NOTHING_YET = "No training run yet. Use “Train new model…” in the library.";

    private final CoreServices services;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final LibraryViewModel library;
    private final TrainingCurves curves = new TrainingCurves();
    /** The per-epoch figures behind the charts, for the CSV export. */
    private final List<EpochStats> epochs = new ArrayList<>();
    private final StringProperty title = new SimpleStringProperty(NOTHING_YET);
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty speed = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty log = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private TaskHandle handle;
    /** The model whose curves are on screen (stored or just trained), so reopening it keeps them. */
    private ModelHandle shown;
    private int totalEpochs;
    private long startNanos;

    private record Step(int epoch, int iteration, int stepsPerEpoch, double loss, Map<String, Double> terms,
                        double examplesPerSec) {
    }

    public TrainingViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors,
                             LibraryViewModel library) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        this.library = library;
        session.workspaceProperty().addListener((o, was, now) -> showStored(now));
        showStored(session.workspace());
    }

    /** Shows the stored history of the workspace's model, unless a run is drawing live. */
    private void showStored(Workspace w) {
        if (running.get() || w == null || w.model() == shown) {
            return;
        }
        shown = w.model();
        curves.clear();
        epochs.clear();
        pending.clear();
        progress.set(0);
        speed.set("");
        eta.set("");
        log.set("");
        TrainingHistory h = w.model().history();
        command.set(h.command().isBlank() ? "" : "Trained with: " + h.command());
        if (h.epochs().isEmpty()) {
            title.set(w.model().name() + " stores no training history, so there are no curves to show. "
                    + "Models trained here (“Train new model…”) keep theirs.");
            return;
        }
        h.epochs().forEach(this::addEpoch);
        curves.chooseScale();
        int n = h.epochs().size();
        title.set("Stored training history of " + w.model().name() + ": " + n + (n == 1 ? " epoch" : " epochs"));
    }

    /** Starts training; the finished model is saved by the trainer and opened here; a failure is shown in a dialog. */
    public void start(TrainRequest request) {
        start(request, null, null);
    }

    /**
     * Starts training as {@link #start(TrainRequest)}; {@code onSuccess} runs when the model is open and
     * {@code onFailure}, when given, hears why a run failed instead of the error dialog (the Train dialog
     * reopens with it). A cancelled run is neither.
     */
    public void start(TrainRequest request, Runnable onSuccess, Consumer<String> onFailure) {
        if (running.get()) {
            errors.error("A model is already training", "Cancel the current run first.");
            return;
        }
        curves.clear();
        epochs.clear();
        pending.clear();
        command.set(request.command() == null || request.command().isBlank() ? "" : "Trained with: " + request.command());
        totalEpochs = request.train().epochs();
        startNanos = System.nanoTime();
        progress.set(0);
        speed.set("");
        eta.set("");
        log.set("");
        title.set("Training " + request.output().getFileName() + " on " + request.dataset());
        running.set(true);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onIteration(int epoch, int iteration, int stepsPerEpoch, double l, Map<String, Double> t,
                                    double examplesPerSec) {
                pending.add(new Step(epoch, iteration, stepsPerEpoch, l, Map.copyOf(t), examplesPerSec));
            }

            @Override
            public void onEpoch(EpochStats stats) {
                pending.add(stats);
            }

            @Override
            public void onMessage(String message) {
                pending.add(message);
            }
        };
        handle = executor.submit(title.get(), true, (p, cancel) -> services.train(request, listener, cancel), model -> {
            flush();
            running.set(false);
            title.set("Finished: " + model.name() + " (saved to " + request.output() + ")");
            // The live curves (several points per epoch) stay rather than give way to the stored ones.
            shown = model;
            library.openHandle(model);
            if (onSuccess != null) {
                onSuccess.run();
            }
        }, t -> {
            flush();
            running.set(false);
            if (ErrorReporter.isCancellation(t)) {
                title.set("Training cancelled.");
            } else {
                title.set("Training failed.");
                if (onFailure != null) {
                    onFailure.accept(ErrorReporter.describe(t));
                } else {
                    errors.error("Training failed", ErrorReporter.describe(t));
                }
            }
        });
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
            title.set("Cancelling…");
        }
    }

    /** Moves queued progress into the charts and labels (UI thread). */
    public void flush() {
        double sumLoss = 0;
        Map<String, Double> sumTerms = new LinkedHashMap<>();
        int n = 0;
        Step last = null;
        List<Object> items = new ArrayList<>();
        for (Object o; (o = pending.poll()) != null; ) {
            items.add(o);
        }
        for (Object o : items) {
            if (o instanceof Step s) {
                sumLoss += s.loss();
                s.terms().forEach((k, v) -> sumTerms.merge(k, v, Double::sum));
                n++;
                last = s;
            } else if (o instanceof EpochStats e) {
                if (n > 0) {
                    addTrainPoint(last, sumLoss / n, sumTerms, n);
                    n = 0;
                    sumLoss = 0;
                    sumTerms.clear();
                }
                addEpoch(e);
            } else if (o instanceof String m) {
                log.set(m);
            }
        }
        if (n > 0) {
            addTrainPoint(last, sumLoss / n, sumTerms, n);
        }
        if (!items.isEmpty()) {
            curves.chooseScale();
        }
    }

    private void addTrainPoint(Step s, double meanLoss, Map<String, Double> sumTerms, int n) {
        double x = s.epoch() + (s.iteration() % Math.max(1, s.stepsPerEpoch()) + 1) / (double) Math.max(1, s.stepsPerEpoch());
        curves.addLoss("train −ELBO", x, meanLoss);
        sumTerms.forEach((k, v) -> curves.addTerm("train " + k, x, v / n));
        double done = x / Math.max(1, totalEpochs);
        progress.set(Math.min(1, done));
        speed.set(String.format(Locale.ROOT, "%,.0f examples/s", s.examplesPerSec()));
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (done > 0.001) {
            eta.set("epoch " + (s.epoch() + 1) + " of " + totalEpochs + " · " + formatSeconds(elapsed * (1 - done) / done) + " left");
        }
    }

    private void addEpoch(EpochStats e) {
        epochs.add(e);
        double x = e.epoch() + 1;
        if (!running.get()) {
            // A stored history has no per-step points: its train curve is each epoch's mean, at the epoch's end.
            curves.addLoss("train −ELBO", x, e.trainLoss());
            e.trainTerms().forEach((k, v) -> curves.addTerm("train " + k, x, v));
        }
        if (!Double.isNaN(e.validLoss())) {
            curves.addLoss("validation −ELBO", x, e.validLoss());
            e.validTerms().forEach((k, v) -> curves.addTerm("validation " + k, x, v));
        }
        log.set(String.format(Locale.ROOT, "epoch %d: train %.2f, validation %.2f nats, %.1f s", e.epoch() + 1,
                e.trainLoss(), e.validLoss(), e.seconds()));
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    /** Writes the per-epoch figures on screen as CSV ({@link HistoryCsv}). */
    public void exportCsv(Path file) {
        if (epochs.isEmpty()) {
            errors.error("Nothing to export", "There are no finished epochs on the Training screen yet.");
            return;
        }
        String text = HistoryCsv.of(epochs);
        executor.submit("Exporting " + file.getFileName(), false, (p, c) -> {
            AtomicFiles.writeString(file, text);
            return file;
        }, this::wrote, t -> errors.error("Could not export", ErrorReporter.describe(t)));
    }

    /** Writes {@code charts} (the view's snapshot of the two charts) as a PNG. */
    public void exportPng(Path file, Image charts) {
        // Converted here, on the UI thread, where the snapshot was taken; only the encoding runs behind.
        BufferedImage img = SwingFXUtils.fromFXImage(charts, null);
        executor.submit("Exporting " + file.getFileName(), false, (p, c) -> {
            org.latentexplorer.common.AtomicFiles.writePng(img, file);
            return file;
        }, this::wrote, t -> errors.error("Could not export", ErrorReporter.describe(t)));
    }

    private void wrote(Path file) {
        session.statusProperty().set("Wrote " + file);
    }

    /** Whether there are curves to export. */
    public boolean hasCurves() {
        return !curves.loss().isEmpty();
    }

    /** A file name for the exports: the model's, without its extension. */
    public String exportName() {
        String name = shown == null ? "training" : shown.name().replaceFirst("\\.lexb$", "");
        return name + "-curves";
    }

    public ObservableList<XYChart.Series<Number, Number>> lossSeries() {
        return curves.loss();
    }

    public ObservableList<XYChart.Series<Number, Number>> termSeries() {
        return curves.terms();
    }

    /** Whether the terms chart has a log axis; on by default when the terms differ by more than 10×. */
    public BooleanProperty logScaleProperty() {
        return curves.logScaleProperty();
    }

    /** A note about term values the log axis cannot draw; empty when there are none. */
    public javafx.beans.property.ReadOnlyStringProperty hiddenProperty() {
        return curves.hiddenProperty();
    }

    /** The command that trained the model on screen ("Trained with: …"); empty when not stored. */
    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty speedProperty() {
        return speed;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty logProperty() {
        return log;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public Session session() {
        return session;
    }
}
