package org.latentexplorer.ui.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.Json;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.eval.Evaluation;
import org.latentexplorer.eval.Evaluator;
import org.latentexplorer.eval.LatentUsage;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.sample.LatentPaths;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.tasks.TaskHandle;

/**
 * The Model screen's state: the evaluation table (run in the background, stored in the bundle, shown
 * again when the model is reopened), the active units and a latent traversal with one row per
 * dimension ordered by KL, and inputs beside their reconstructions.
 */
public final class ModelViewModel {
    /** The bundle key an evaluation of the test split is stored under (as {@code eval --save}). */
    static final String KEY = "test";
    /** Examples that measure each dimension's KL and activity. */
    static final int USAGE_EXAMPLES = 1000;
    /** Inputs shown beside their reconstructions. */
    static final int RECONSTRUCTIONS = 16;
    static final String RANDOM = "Random test images", SELECTION = "The map's selection";

    private final CoreServices services;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;

    private final StringProperty summary = new SimpleStringProperty("No model open.");
    private final ObservableList<String> evaluation = FXCollections.observableArrayList();
    private final StringProperty evaluationNote = new SimpleStringProperty("");
    private final IntegerProperty iwSamples = new SimpleIntegerProperty(100);
    private final IntegerProperty examples = new SimpleIntegerProperty(500);
    private final BooleanProperty corrupted = new SimpleBooleanProperty(false);
    private final BooleanProperty evaluating = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private TaskHandle evaluationTask;

    private final StringProperty usageText = new SimpleStringProperty("");
    private final ObjectProperty<BufferedImage> traversal = new SimpleObjectProperty<>();
    private final IntegerProperty rows = new SimpleIntegerProperty(10);
    private final IntegerProperty steps = new SimpleIntegerProperty(9);
    private final DoubleProperty range = new SimpleDoubleProperty(3);
    /** The test image whose code the traversal starts from; −1 for the prior's mean. */
    private final IntegerProperty base = new SimpleIntegerProperty(-1);
    private LatentUsage usage;
    private boolean active;
    /** The model whose dimensions were measured (or are being measured). */
    private ModelHandle measured;

    private final ObservableList<String> reconstructionSources = FXCollections.observableArrayList();
    private final StringProperty reconstructionSource = new SimpleStringProperty(RANDOM);
    private final ObjectProperty<BufferedImage> reconstructions = new SimpleObjectProperty<>();
    private final StringProperty reconstructionText = new SimpleStringProperty("");
    private long reconstructionSeed = 1;
    private Dataset test;

    public ModelViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        session.workspaceProperty().addListener((o, was, now) -> open(now));
        open(session.workspace());
    }

    private ModelHandle model() {
        Workspace w = session.workspace();
        return w == null ? null : w.model();
    }

    /** Everything shown belongs to the open model: reset, then the stored evaluation and the latent usage. */
    private void open(Workspace w) {
        if (evaluationTask != null) {
            evaluationTask.cancel();
        }
        evaluating.set(false);
        evaluation.clear();
        traversal.set(null);
        reconstructions.set(null);
        usage = null;
        test = null;
        base.set(-1);
        reconstructionSources.setAll(RANDOM, SELECTION);
        reconstructionSource.set(RANDOM);
        if (w == null) {
            summary.set("No model open.");
            evaluationNote.set("");
            usageText.set("");
            return;
        }
        var c = w.model().config();
        Object name = c.extra().get("name");
        summary.set(w.model().name() + (name == null ? "" : " (" + name + ")") + ": " + c.kind() + ", "
                + (c.arch().equals("onnx") ? "imported from ONNX" : c.arch()) + ", d = " + c.latentDim() + ", "
                + c.likelihood() + " decoder, " + c.inputShape() + " inputs"
                + (c.datasetId().isEmpty() ? "" : ", data set " + c.datasetId()));
        reconstructionSources.addAll(c.labelNames());
        showStored(w.model());
        measured = null;
        if (active) {
            measure(w);
        }
    }

    /**
     * The screen measures the latent dimensions only while someone looks at it: at start-up the map has
     * the model to itself.
     */
    public void setActive(boolean now) {
        active = now;
        Workspace w = session.workspace();
        if (now && w != null && measured != w.model()) {
            measure(w);
        }
    }

    private void measure(Workspace w) {
        var c = w.model().config();
        usageText.set("Measuring each latent dimension on the test images…");
        ModelHandle m = w.model();
        measured = m;
        executor.submit("latent dimensions of " + m.name(), false, (p, cancel) -> {
            Dataset t = services.loadDataset(c.datasetId(), "test");
            if (t.dim() != m.config().inputShape().size()) {
                throw new InputException(c.datasetId() + " holds " + t.shape() + " examples; the model expects "
                        + m.config().inputShape());
            }
            LatentUsage.Builder b = new LatentUsage.Builder();
            int n = Math.min(USAGE_EXAMPLES, t.size());
            for (int s = 0; s < n; s += 250) {
                cancel.check();
                b.add(m.encode(t.rows(s, Math.min(n, s + 250))));
            }
            return new Measured(t, b.build());
        }, r -> {
            if (model() != m) {
                return;
            }
            test = r.test();
            usage = r.usage();
            usageText.set(String.format(Locale.ROOT, "Active units: %d of %d (the variance of a dimension's posterior "
                    + "mean over %d test images is above %.2f; Burda et al. 2016). Rows are ordered by each dimension's "
                    + "mean KL from N(0, 1).", usage.active(), usage.kl().length, Math.min(USAGE_EXAMPLES, test.size()),
                    LatentUsage.THRESHOLD));
            drawTraversal();
            drawReconstructions();
        }, e -> {
            if (model() == m) {
                usageText.set("The latent dimensions could not be measured: " + ErrorReporter.describe(e));
            }
        });
    }

    /** What measuring the latent dimensions gives: the test split read, and each dimension's use. */
    private record Measured(Dataset test, LatentUsage usage) {
    }

    /** An evaluation, and whether (or why not) it was saved with the model. */
    private record Evaluated(Evaluation evaluation, String saved) {
    }

    /** The evaluation the bundle holds, if any (written by this screen or {@code eval --save}). */
    private void showStored(ModelHandle m) {
        Object stored = m.evaluation().get(KEY);
        if (stored == null) {
            evaluationNote.set("This model holds no evaluation yet: choose K and the number of test images, then Evaluate.");
            return;
        }
        try {
            Evaluation e = stored instanceof Evaluation ev ? ev : Json.MAPPER.convertValue(stored, Evaluation.class);
            evaluation.setAll(e.describe());
            evaluationNote.set("Stored with the model: " + e.examples() + " " + e.dataset() + " test images"
                    + (e.binarized() ? ", binarised" : "") + ".");
        } catch (IllegalArgumentException e) {
            evaluationNote.set("The evaluation stored with this model cannot be read (" + e.getMessage() + ").");
        }
    }

    /** Runs the evaluation on the test split in the background; saves it into the bundle when it ends. */
    public void evaluate() {
        ModelHandle m = model();
        if (m == null || evaluating.get()) {
            return;
        }
        int k = iwSamples.get(), n = examples.get();
        boolean corrupt = corrupted.get();
        boolean binarize = !"none".equals(m.config().extra().getOrDefault("binarize", "none"));
        evaluating.set(true);
        progress.set(0);
        evaluationNote.set("Evaluating on " + n + " test images…");
        evaluationTask = executor.submit("evaluating " + m.name(), true, (p, cancel) -> {
            Dataset t = services.loadDataset(m.config().datasetId(), "test");
            Evaluation e = services.evaluate(m, t, new Evaluator.Options(k, n, binarize, corrupt, 1),
                    f -> {
                        p.update(f, "evaluating");
                        executor.runOnUi(() -> progress.set(f));
                    }, cancel);
            String saved;
            try {
                services.saveEvaluation(m, KEY, e);
                saved = "saved with the model";
            } catch (InputException ex) {
                saved = "not saved: " + ex.getMessage();
            }
            return new Evaluated(e, saved);
        }, r -> {
            if (model() == m) {
                Evaluation e = r.evaluation();
                evaluationNote.set("Evaluated on " + e.examples() + " " + e.dataset() + " test images"
                        + (e.binarized() ? ", binarised" : "") + "; " + r.saved() + ".");
                evaluation.setAll(e.describe());
            }
            evaluating.set(false); // last: whoever waits for the end sees the figures
        }, e -> {
            evaluating.set(false);
            if (model() == m) {
                evaluationNote.set(ErrorReporter.isCancellation(e) ? "Evaluation cancelled."
                        : "Evaluation failed: " + ErrorReporter.describe(e));
            }
        });
    }

    public void cancelEvaluation() {
        if (evaluationTask != null) {
            evaluationTask.cancel();
        }
    }

    /** Redraws the traversal with the current rows, steps, range and base; quick (one decode call). */
    public void drawTraversal() {
        ModelHandle m = model();
        LatentUsage u = usage;
        Dataset t = test;
        if (m == null || u == null) {
            return;
        }
        List<Integer> dims = u.byKl().subList(0, Math.min(rows.get(), u.kl().length));
        int n = steps.get(), b = base.get();
        double r = range.get();
        executor.submit("latent traversal", false, (p, cancel) -> {
            float[] origin = b < 0 || t == null ? new float[m.latentDim()]
                    : m.encode(new float[][]{t.row(Math.min(b, t.size() - 1))}).mean()[0];
            float[][] images = m.decode(LatentPaths.traversal(origin, dims, -r, r, n));
            List<String> headers = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                headers.add(String.format(Locale.ROOT, "%.2g", -r + 2 * r * s / (n - 1)));
            }
            List<String> labels = new ArrayList<>();
            for (int d : dims) {
                labels.add(String.format(Locale.ROOT, "z%d  KL %.2f%s", d + 1, u.kl()[d], u.isActive(d) ? "" : " (off)"));
            }
            return ImageTiles.tile(Arrays.asList(images), m.config().inputShape(), n, 1, headers, labels);
        }, img -> {
            if (model() == m) {
                traversal.set(img);
            }
        }, this::failed);
    }

    /** Starts the traversal from a random test image's code. */
    public void traverseFromRandomImage() {
        if (test != null) {
            base.set(new SplittableRandom(System.nanoTime()).nextInt(test.size()));
            drawTraversal();
        }
    }

    public void traverseFromPriorMean() {
        base.set(-1);
        drawTraversal();
    }

    /** Another draw of random test images (or the same selection / label again). */
    public void newReconstructions() {
        reconstructionSeed++;
        drawReconstructions();
    }

    /** Inputs (top row) over their reconstructions (bottom row), from the chosen source. */
    public void drawReconstructions() {
        ModelHandle m = model();
        Dataset t = test;
        Workspace w = session.workspace();
        if (m == null || t == null || w == null) {
            return;
        }
        String source = reconstructionSource.get();
        float[][] x;
        if (SELECTION.equals(source)) {
            int[] sel = session.selection();
            if (sel.length == 0) {
                reconstructions.set(null);
                reconstructionText.set("Nothing is selected on the map: select points there (box or lasso), or "
                        + "choose random images or a label.");
                return;
            }
            int count = Math.min(RECONSTRUCTIONS, sel.length);
            x = new float[count][];
            for (int i = 0; i < count; i++) {
                x[i] = w.dataset().row(sel[i]);
            }
            reconstructionText.set("The first " + count + " of the " + sel.length + " points selected on the map.");
        } else {
            int label = m.config().labelNames().indexOf(source);
            int[] pool = label < 0 || !t.hasLabels() ? java.util.stream.IntStream.range(0, t.size()).toArray()
                    : java.util.stream.IntStream.range(0, t.size()).filter(i -> t.labels()[i] == label).toArray();
            if (pool.length == 0) {
                reconstructions.set(null);
                reconstructionText.set("No test image has the label " + source + ".");
                return;
            }
            SplittableRandom rng = new SplittableRandom(reconstructionSeed);
            int count = Math.min(RECONSTRUCTIONS, pool.length);
            x = new float[count][];
            for (int i = 0; i < count; i++) {
                x[i] = t.row(pool[rng.nextInt(pool.length)]);
            }
            reconstructionText.set((label < 0 ? count + " random test images" : count + " test images labelled "
                    + source) + ": inputs on the top row, reconstructions (decoded posterior means) below.");
        }
        float[][] inputs = x;
        executor.submit("reconstructions", false, (p, cancel) -> {
            float[][] r = m.reconstruct(inputs);
            List<float[]> tiles = new ArrayList<>(Arrays.asList(inputs));
            tiles.addAll(Arrays.asList(r));
            return ImageTiles.tile(tiles, m.config().inputShape(), inputs.length, 1);
        }, img -> {
            if (model() == m) {
                reconstructions.set(img);
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        if (!ErrorReporter.isCancellation(e)) {
            errors.error("Model screen", ErrorReporter.describe(e));
        }
    }

    /** Writes an image of this screen (the traversal or the reconstructions) to a PNG, atomically. */
    public void export(Path file, boolean traversalImage) throws IOException {
        BufferedImage img = traversalImage ? traversal.get() : reconstructions.get();
        if (img == null) {
            throw new InputException("there is nothing to export yet");
        }
        org.latentexplorer.common.AtomicFiles.writePng(img, file);
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<String> evaluation() {
        return evaluation;
    }

    public StringProperty evaluationNoteProperty() {
        return evaluationNote;
    }

    public IntegerProperty iwSamplesProperty() {
        return iwSamples;
    }

    public IntegerProperty examplesProperty() {
        return examples;
    }

    public BooleanProperty corruptedProperty() {
        return corrupted;
    }

    public BooleanProperty evaluatingProperty() {
        return evaluating;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty usageTextProperty() {
        return usageText;
    }

    public ObjectProperty<BufferedImage> traversalProperty() {
        return traversal;
    }

    public IntegerProperty rowsProperty() {
        return rows;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public DoubleProperty rangeProperty() {
        return range;
    }

    public IntegerProperty baseProperty() {
        return base;
    }

    public ObservableList<String> reconstructionSources() {
        return reconstructionSources;
    }

    public StringProperty reconstructionSourceProperty() {
        return reconstructionSource;
    }

    public ObjectProperty<BufferedImage> reconstructionsProperty() {
        return reconstructions;
    }

    public StringProperty reconstructionTextProperty() {
        return reconstructionText;
    }
}
