package org.latentexplorer.ui.clusters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.sample.ClusterModel;
import org.latentexplorer.sample.FittedMixture;
import org.latentexplorer.ui.services.FittedClusters;
import org.latentexplorer.sample.GmvaeClusters;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.ClusterSelection;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * The Clusters screen's state: the gallery of a model's clusters (its own, or k-means fitted to a plain
 * VAE's codes), the selected clusters, and a grid of samples from them. All model calls run on workers
 * and hold the model handle's lock, because the cluster model calls the network directly.
 */
public final class ClustersViewModel {
    /** What the screen shows. */
    public enum State { NO_MODEL, LOADING, NO_CLUSTERS, READY }

    /** The sample grid's view (Sánchez Martín 2018, §6.3 for the last two). */
    public enum Mode {
        SAMPLES("Samples of the selected clusters"), FIX_Z_VARY_W("Fix z, vary w (first selected cluster)"),
        FIX_W_VARY_Y("Fix w, vary the cluster (one w per row)");

        private final String text;

        Mode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final CoreServices services;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.NO_MODEL);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<ClusterRow> rows = FXCollections.observableArrayList();
    private final ClusterSelection shared;
    private final ObjectProperty<SampleGrid> grid = new SimpleObjectProperty<>();
    private final ObservableList<String> columnHeaders = FXCollections.observableArrayList();
    /** Samples at the prior's own scale. */
    public static final double DEFAULT_TEMPERATURE = 1.0;
    private final DoubleProperty temperature = new SimpleDoubleProperty(DEFAULT_TEMPERATURE);
    private final IntegerProperty gridSize = new SimpleIntegerProperty(10);
    private final IntegerProperty fitK = new SimpleIntegerProperty(10);
    private final ObjectProperty<FittedMixture.Method> fitMethod = new SimpleObjectProperty<>(FittedMixture.Method.KMEANS);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SAMPLES);
    private final BooleanProperty hasW = new SimpleBooleanProperty(false);
    private final ClusterSampler sampler;
    private ClusterModel clusters;
    private ModelHandle model;
    private boolean canSaveNames;
    /** How the shown clusters were fitted to a plain VAE's codes (null for a model's own clusters). */
    private FittedClusters fitted;
    private boolean active;
    private boolean stale = true;
    private long generation;
    private long seed = 1;

    public ClustersViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        this.shared = session.clusters();
        this.sampler = new ClusterSampler(executor, grid::set, t -> report("Cannot sample the clusters", t));
        session.workspaceProperty().addListener((o, a, b) -> {
            // Stale first: withdrawing the old clusters lets the map ask for the new ones at once.
            stale = true;
            generation++;
            reset();
            // A temperature suits one model's prior; the next model starts from its prior as trained.
            temperature.set(DEFAULT_TEMPERATURE);
            state.set(State.NO_MODEL);
            if (active && stale) {
                load();
            }
        });
        // One selection for the whole window: a click here or on the map's clusters redraws the grid.
        shared.selected().addListener((javafx.collections.ListChangeListener<Integer>) c -> requestGrid());
        shared.setSource(this::ensureLoaded, this::fitClusters);
        temperature.addListener((o, a, b) -> requestGrid());
        // Headers follow renames without a new grid: the grid names its columns' clusters by index.
        grid.addListener((o, a, b) -> columnHeaders.setAll(headers(b)));
        rows.addListener((javafx.collections.ListChangeListener<ClusterRow>) c -> columnHeaders.setAll(headers(grid.get())));
        gridSize.addListener((o, a, b) -> requestGrid());
        mode.addListener((o, a, b) -> requestGrid());
    }

    /** The screen became visible (or hidden): the gallery is built the first time it is shown for a model. */
    public void setActive(boolean visible) {
        active = visible;
        if (visible && stale) {
            load();
        } else if (visible) {
            sampleAhead();
        }
    }

    /** While the screen is shown, decodes the clusters ahead of clicks (see {@link ClusterSampler}). */
    private void sampleAhead() {
        if (active && clusters != null) {
            sampler.sampleAhead(model, clusters, gridSize.get(), temperature.get(), seed);
        }
    }

    /**
     * Whether decoded samples are kept and decoded ahead of clicks (on by default); off, each grid is
     * decoded on a worker when asked for (benchmarks time that path).
     */
    public void setKeepSamples(boolean on) {
        sampler.setKeep(on);
        sampleAhead();
    }

    /** Reads the clusters unless they were read for the current model (the map asks for them this way). */
    public void ensureLoaded() {
        if (stale) {
            load();
        }
    }

    /** Reads the clusters of the session's model; a plain VAE gets {@link State#NO_CLUSTERS}. */
    public void load() {
        stale = false;
        long gen = ++generation;
        reset();
        Workspace w = session.workspace();
        if (w == null) {
            state.set(State.NO_MODEL);
            summary.set("Open a model to see its clusters.");
            shared.noteProperty().set(summary.get());
            return;
        }
        state.set(State.LOADING);
        summary.set("Reading the clusters of " + w.model().name() + "…");
        shared.noteProperty().set(summary.get());
        executor.submit("Reading clusters", true, (p, c) -> {
            var own = services.clusters(w.model());
            if (own.isEmpty()) {
                // Clusters fitted and named before are fitted again (seeded: the same clusters) with their names.
                var stored = w.dataset() == null ? java.util.Optional.<FittedClusters>empty()
                        : services.fittedClusters(w.model());
                return stored.map(f -> fit(w, f)).orElse(null);
            }
            Map<Integer, String> names = services.clusterNames(w.model());
            synchronized (w.model()) {
                return new Loaded(own.get(), Gallery.build(own.get(), w.dataset(), w.codes(), names, seed), true, null);
            }
        }, loaded -> {
            if (gen != generation) {
                return;
            }
            if (loaded == null) {
                state.set(State.NO_CLUSTERS);
                summary.set(w.model().name() + " is a " + w.model().config().kind() + " with no discrete latent, so it "
                        + "has no clusters of its own. Fit k-means or a Gaussian mixture to its codes of " + dataName(w)
                        + " to explore them here; names you give them are kept with the model.");
                shared.noteProperty().set(summary.get());
                shared.fittableProperty().set(w.dataset() != null);
            } else {
                show(w, loaded);
            }
        }, t -> failed(gen, t));
    }

    private record Loaded(ClusterModel clusters, Gallery.Built gallery, boolean saveable, FittedClusters fitted) {
    }

    /** Fits {@code f}'s mixture to the workspace's codes and builds its gallery with {@code f}'s names (on a worker). */
    private Loaded fit(Workspace w, FittedClusters f) {
        ClusterModel cm = services.fitClusters(w.model(), Gallery.rows(w.dataset(), Gallery.MAX_EXAMPLES), f.k(),
                f.method(), f.seed());
        synchronized (w.model()) {
            return new Loaded(cm, Gallery.build(cm, w.dataset(), w.codes(), f.names(), seed), false, f);
        }
    }

    /** For a plain VAE: k-means with {@link #fitKProperty()} clusters on the codes of the data set. */
    public void fitClusters() {
        Workspace w = session.workspace();
        if (w == null || w.dataset() == null) {
            message.set("Fitting clusters needs a model and a data set.");
            return;
        }
        if (state.get() == State.LOADING) {
            return; // reading or fitting already
        }
        int k = fitK.get();
        FittedMixture.Method method = fitMethod.get();
        long gen = ++generation;
        stale = false;
        state.set(State.LOADING);
        summary.set("Fitting " + methodName(method) + " (K = " + k + ") to the codes of " + dataName(w) + "…");
        shared.noteProperty().set(summary.get());
        shared.fittableProperty().set(false);
        FittedClusters f = new FittedClusters(method, k, seed, Map.of());
        executor.submit("Fitting " + methodName(method), true, (p, c) -> fit(w, f), loaded -> {
            if (gen == generation) {
                show(w, loaded);
            }
        }, t -> failed(gen, t));
    }

    private void show(Workspace w, Loaded loaded) {
        model = w.model();
        clusters = loaded.clusters();
        canSaveNames = loaded.saveable();
        fitted = loaded.fitted();
        hasW.set(clusters.hasW() && clusters instanceof GmvaeClusters);
        rows.setAll(loaded.gallery().rows());
        boolean purity = rows.stream().anyMatch(r -> !Double.isNaN(r.purity()));
        String stats = rows.isEmpty() || rows.get(0).size() < 0 ? ""
                : " · sizes" + (purity ? " and purity" : "") + " over "
                + Math.min(w.dataset().size(), Gallery.MAX_EXAMPLES) + " examples of " + dataName(w);
        var m = loaded.gallery().metrics();
        String figures = m == null ? "" : String.format(java.util.Locale.ROOT,
                " · against the labels: accuracy %.3f, NMI %.3f, ARI %.3f", m.accuracy(), m.nmi(), m.ari());
        summary.set(clusters.clusterCount() + " clusters · " + clusters.source() + stats + figures);
        state.set(State.READY);
        shared.noteProperty().set("");
        shared.publish(new ClusterSelection.Loaded(model, clusters), rows.stream().map(ClusterRow::name).toList());
        sampleAhead();
    }

    private void failed(long gen, Throwable t) {
        if (gen != generation) {
            return;
        }
        state.set(State.NO_MODEL);
        summary.set("Could not read the clusters: " + ErrorReporter.describe(t));
        shared.noteProperty().set(summary.get());
        report("Cannot read the clusters", t);
    }

    private void reset() {
        clusters = null;
        model = null;
        rows.clear();
        sampler.clear();
        shared.publish(null, List.of());
        shared.fittableProperty().set(false);
        grid.set(null);
        message.set("");
        hasW.set(false);
    }

    private static String dataName(Workspace w) {
        return w.dataset() == null ? "its data set" : w.dataset().id();
    }

    /** Replaces the selection with {@code indices} (in click order); the grid follows. */
    public void select(List<Integer> indices) {
        shared.select(indices);
    }

    /** Adds {@code index} to the selection, or removes it when it is there (ctrl-click). */
    public void toggle(int index) {
        shared.toggle(index);
    }

    /** Draws the grid again from a new random seed. */
    public void reseed() {
        seed = new SplittableRandom(seed).nextLong();
        requestGrid();
    }

    private void requestGrid() {
        if (mode.get() == null) {
            return; // a choice box between two item lists; it sets a mode again at once
        }
        List<Integer> selection = shared.selected();
        if (clusters == null || selection.isEmpty() && mode.get() != Mode.FIX_W_VARY_Y) {
            sampler.clear();
            grid.set(null);
            return;
        }
        Mode m = mode.get() == Mode.FIX_Z_VARY_W && !hasW.get() ? Mode.SAMPLES : mode.get();
        sampler.request(model, clusters, List.copyOf(selection), gridSize.get(), temperature.get(), seed, m);
        sampleAhead();
    }

    /**
     * Names cluster {@code index}. Empty names and names another cluster has are refused with a message;
     * for a model with its own clusters the names are saved in its bundle.
     *
     * @return whether the name was taken
     */
    public boolean rename(int index, String name) {
        String n = name == null ? "" : name.strip();
        if (index < 0 || index >= rows.size()) {
            message.set("No cluster " + index + " to rename.");
            return false;
        }
        if (n.isEmpty()) {
            message.set("A cluster name cannot be empty.");
            return false;
        }
        for (ClusterRow r : rows) {
            if (r.index() != index && r.name().equalsIgnoreCase(n)) {
                message.set("“" + n + "” is already the name of cluster " + r.index() + ".");
                return false;
            }
        }
        rows.set(index, rows.get(index).withName(n));
        shared.names().set(index, n);
        if (!canSaveNames && fitted == null) {
            message.set("Renamed cluster " + index + " to “" + n + "”.");
            return true;
        }
        Map<Integer, String> names = new TreeMap<>();
        List<String> defaults = clusters.clusterNames();
        for (ClusterRow r : rows) {
            if (!r.name().equals(defaults.get(r.index()))) {
                names.put(r.index(), r.name());
            }
        }
        ModelHandle m = model;
        message.set("Saving the name of cluster " + index + "…");
        FittedClusters f = fitted;
        executor.submit("Saving cluster names", false, (p, c) -> {
            if (f != null) {
                // Fitted clusters are kept as how they were fitted, with their names: reopening fits them again.
                services.saveFittedClusters(m, new FittedClusters(f.method(), f.k(), f.seed(), names));
            } else {
                services.saveClusterNames(m, names);
            }
            return null;
        }, v -> message.set("Cluster " + index + " is now “" + n + "”, saved in " + m.name() + "."),
                t -> {
                    message.set("The name was not saved: " + ErrorReporter.describe(t));
                    report("Cannot save the cluster names", t);
                });
        return true;
    }

    /**
     * The header of each column of {@code g} when its columns are clusters, else none: the cluster's name,
     * or its index while it has only the numbered default name ("cluster 3" says no more than "3", and
     * fits a column of a 28-pixel image).
     */
    List<String> headers(SampleGrid g) {
        if (g == null || g.columnClusters().isEmpty()) {
            return List.of();
        }
        List<String> numbered = ClusterModel.numbered(rows.size());
        return g.columnClusters().stream().map(k -> k < 0 || k >= rows.size() ? Integer.toString(k)
                : rows.get(k).name().equals(numbered.get(k)) ? Integer.toString(k) : rows.get(k).name()).toList();
    }

    /** Writes the current sample grid as a PNG (with its column headers, when its columns are clusters). */
    public void exportPng(Path file) {
        SampleGrid g = grid.get();
        if (g == null) {
            message.set("There is no sample grid to export yet: select a cluster.");
            return;
        }
        List<String> headers = List.copyOf(columnHeaders);
        executor.submit("Exporting " + file.getFileName(), false, (p, c) -> {
            ImageTiles.writePng(g.images(), g.shape(), g.cols(), headers, file);
            return null;
        }, v -> message.set("Wrote " + file), t -> report("Cannot write " + file, t));
    }

    /** Writes the cluster table (index, name, size, purity, majority) as CSV. */
    public void exportCsv(Path file) {
        if (rows.isEmpty()) {
            message.set("There are no clusters to export yet.");
            return;
        }
        String text = csv(rows);
        executor.submit("Exporting " + file.getFileName(), false, (p, c) -> {
            try {
                AtomicFiles.writeString(file, text);
            } catch (IOException e) {
                throw new InputException(file + ": cannot write (" + e.getMessage() + ")", e);
            }
            return null;
        }, v -> message.set("Wrote " + file), t -> report("Cannot write " + file, t));
    }

    static String csv(List<ClusterRow> rows) {
        StringBuilder b = new StringBuilder("cluster,name,size,purity,majority\n");
        for (ClusterRow r : rows) {
            b.append(r.index()).append(',').append(quote(r.name())).append(',')
                    .append(r.size() < 0 ? "" : Integer.toString(r.size())).append(',')
                    .append(Double.isNaN(r.purity()) ? "" : String.format(Locale.ROOT, "%.4f", r.purity())).append(',')
                    .append(r.majority() == null ? "" : quote(r.majority())).append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void report(String title, Throwable t) {
        if (!ErrorReporter.isCancellation(t)) {
            errors.error(title, ErrorReporter.describe(t));
        }
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Feedback on the last rename or export. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<ClusterRow> rows() {
        return rows;
    }

    /** The selected clusters: the window's one cluster selection, shared with the map. */
    public ObservableList<Integer> selection() {
        return shared.selected();
    }

    public ObjectProperty<SampleGrid> gridProperty() {
        return grid;
    }

    /** One header per column of the grid when its columns are clusters ("fix w, vary the cluster"), else empty. */
    public ObservableList<String> columnHeaders() {
        return columnHeaders;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty gridSizeProperty() {
        return gridSize;
    }

    /** How clusters are fitted to a plain VAE's codes: k-means or a diagonal Gaussian mixture. */
    public ObjectProperty<FittedMixture.Method> fitMethodProperty() {
        return fitMethod;
    }

    static String methodName(FittedMixture.Method m) {
        return switch (m) {
            case KMEANS -> "k-means";
            case GMM -> "a Gaussian mixture (diagonal)";
            case GMM_FULL -> "a Gaussian mixture (full covariance)";
        };
    }

    public IntegerProperty fitKProperty() {
        return fitK;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** True for a GMVAE: the "fix z, vary w" view is offered. */
    public BooleanProperty hasWProperty() {
        return hasW;
    }

    /** The current shape of generated images (for views that size tiles). */
    public ImageShape shape() {
        return model == null ? null : model.config().inputShape();
    }

    Dataset dataset() {
        return session.workspace() == null ? null : session.workspace().dataset();
    }
}
