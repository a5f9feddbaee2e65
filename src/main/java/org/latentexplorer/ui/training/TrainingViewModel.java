package org.latentexplorer.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainingListener;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.TrainRequest;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.tasks.TaskHandle;

/**
 * A training run as the training screen shows it. The trainer's listener runs on the training thread
 * and only queues plain values; {@link #flush()} (called by the view about ten times a second, and by
 * tests directly) moves them into the chart series on the UI thread, one averaged point per series
 * per flush, so a fast trainer cannot flood the charts.
 */
public final class TrainingViewModel {
    private static final int MAX_POINTS = 1500;

    private final CoreServices services;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final LibraryViewModel library;
    private final ObservableList<XYChart.Series<Number, Number>> loss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> terms = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> byName = new LinkedHashMap<>();
    private final StringProperty title = new SimpleStringProperty("No training run yet. Use “Train new model…” in the library.");
    private final StringProperty speed = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty log = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private TaskHandle handle;
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
    }

    /** Starts training; the finished model is saved by the trainer and opened here. */
    public void start(TrainRequest request) {
        if (running.get()) {
            errors.error("A model is already training", "Cancel the current run first.");
            return;
        }
        loss.clear();
        terms.clear();
        byName.clear();
        pending.clear();
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
            library.openHandle(model);
        }, t -> {
            flush();
            running.set(false);
            if (ErrorReporter.isCancellation(t)) {
                title.set("Training cancelled.");
            } else {
                title.set("Training failed.");
                errors.error("Training failed", ErrorReporter.describe(t));
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
    }

    private void addTrainPoint(Step s, double meanLoss, Map<String, Double> sumTerms, int n) {
        double x = s.epoch() + (s.iteration() % Math.max(1, s.stepsPerEpoch()) + 1) / (double) Math.max(1, s.stepsPerEpoch());
        add(loss, "train −ELBO", x, meanLoss);
        sumTerms.forEach((k, v) -> add(terms, "train " + k, x, v / n));
        double done = x / Math.max(1, totalEpochs);
        progress.set(Math.min(1, done));
        speed.set(String.format(Locale.ROOT, "%,.0f examples/s", s.examplesPerSec()));
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (done > 0.001) {
            eta.set("epoch " + (s.epoch() + 1) + " of " + totalEpochs + " · " + formatSeconds(elapsed * (1 - done) / done) + " left");
        }
    }

    private void addEpoch(EpochStats e) {
        double x = e.epoch() + 1;
        if (!Double.isNaN(e.validLoss())) {
            add(loss, "validation −ELBO", x, e.validLoss());
            e.validTerms().forEach((k, v) -> add(terms, "validation " + k, x, v));
        }
        log.set(String.format(Locale.ROOT, "epoch %d: train %.2f, validation %.2f nats, %.1f s", e.epoch() + 1,
                e.trainLoss(), e.validLoss(), e.seconds()));
    }

    private void add(ObservableList<XYChart.Series<Number, Number>> chart, String name, double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        XYChart.Series<Number, Number> s = byName.get(name);
        if (s == null) {
            s = new XYChart.Series<>();
            s.setName(name);
            byName.put(name, s);
            chart.add(s);
        }
        s.getData().add(new XYChart.Data<>(x, y));
        if (s.getData().size() > MAX_POINTS) {
            // Thin out old points rather than drop them: the curve keeps its whole history.
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>();
            for (int i = 0; i < s.getData().size(); i++) {
                if (i % 2 == 0 || i == s.getData().size() - 1) {
                    kept.add(s.getData().get(i));
                }
            }
            s.getData().setAll(kept);
        }
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    public ObservableList<XYChart.Series<Number, Number>> lossSeries() {
        return loss;
    }

    public ObservableList<XYChart.Series<Number, Number>> termSeries() {
        return terms;
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
