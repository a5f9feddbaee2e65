package org.latentexplorer.ui.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.ui.common.Palette;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.sample.Plane;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.services.ProjectionSpec;
import org.latentexplorer.ui.shell.ClusterSelection;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.LatestWins;
import org.latentexplorer.ui.tasks.TaskHandle;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * The latent map's state: the 2-D layout of the codes, colours, hidden classes, selection, hover and
 * probe. The view draws what {@link #revisionProperty()} says changed.
 */
public final class MapViewModel {
    private final CoreServices services;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;

    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>();
    private final StringProperty projectionInfo = new SimpleStringProperty("");
    private final StringProperty method = new SimpleStringProperty(ProjectionSpec.PCA);
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final LongProperty revision = new SimpleLongProperty();
    private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
    private final ObjectProperty<float[]> hoverImage = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> hoverReconstruction = new SimpleObjectProperty<>();
    private final StringProperty hoverText = new SimpleStringProperty("");
    private final ObjectProperty<float[]> probeImage = new SimpleObjectProperty<>();
    private final StringProperty probeText = new SimpleStringProperty("");
    private final StringProperty searchText = new SimpleStringProperty("");

    private final ObjectProperty<Colouring> colouring = new SimpleObjectProperty<>(Colouring.LABEL);
    private final StringProperty clusterNote = new SimpleStringProperty("");
    private final ClusterSelection clusters;
    private int[] colours = new int[0];
    private boolean[] visible;
    private int[] front;
    private boolean[] labelShown = new boolean[0];
    private boolean[] clusterShown = new boolean[0];
    private ClusterColours clusterColours;
    private long clusterRun;
    private TaskHandle clusterTask;
    private final LatestWins<Decode, float[]> reconstruct;
    private final LatestWins<Decode, float[]> probe;
    private long projectionRun;
    /** Counts layouts started (a new method, a new model, Project): the view follows each new one until panned. */
    private final javafx.beans.property.LongProperty layoutRun = new javafx.beans.property.SimpleLongProperty();
    private final javafx.beans.property.BooleanProperty projecting = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty paused = new javafx.beans.property.SimpleBooleanProperty();
    /** {@link #paused} as the worker reads it. */
    private final java.util.concurrent.atomic.AtomicBoolean pause = new java.util.concurrent.atomic.AtomicBoolean();
    private org.latentexplorer.ui.tasks.TaskHandle projectionTask;
    /** Each method's parameters as the user set them (ProjectionParameters names and defaults). */
    private final java.util.Map<String, java.util.Map<String, Number>> parameters = new java.util.HashMap<>();
    /** Isolated points, the points a layout of the selection alone was made of, marked neighbours. */
    private final MapFocus focus = new MapFocus();
    private final javafx.beans.property.BooleanProperty isolated = new javafx.beans.property.SimpleBooleanProperty();

    /** One code to decode with the model that was open when it was asked for. */
    private record Decode(ModelHandle model, float[] z) {
        float[] run() {
            return model.decode(new float[][] {z})[0];
        }
    }

    /**
     * A class or cluster in the legend: its index, name, colour, whether it is shown, and whether it is
     * one of the selected clusters.
     */
    public record LegendEntry(int index, String name, int argb, boolean shown, boolean highlighted) {
    }

    /** What the points' colours show. */
    public enum Colouring {
        LABEL("Colour by label"), CLUSTER("Colour by cluster");

        private final String text;

        Colouring(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Points of unselected clusters while some are selected: present, but out of the way. */
    static final int FADED = 0xFFE2E2E2;
    /** Points while their clusters are being computed. */
    static final int PENDING = 0xFFBDBDBD;

    public MapViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        methods.setAll(services.projectionMethods());
        // A decode still running when the hover or probe was cleared (another model, another layout)
        // must not bring its picture back.
        reconstruct = new LatestWins<>(executor, "reconstruct", Decode::run, r -> {
            if (hoverImage.get() != null) {
                hoverReconstruction.set(r);
            }
        }, t -> hoverReconstruction.set(null));
        probe = new LatestWins<>(executor, "probe", Decode::run, r -> {
            if (!probeText.get().isEmpty()) {
                probeImage.set(r);
            }
        }, t -> probeImage.set(null));
        session.workspaceProperty().addListener((o, a, w) -> onWorkspace(w));
        // The probe's caption describes the layout it was read from ("t-SNE has no inverse map").
        method.addListener((o, a, b) -> clearProbe());
        session.selectionProperty().addListener((o, a, b) -> bump());
        clusters = session.clusters();
        colouring.addListener((o, a, b) -> {
            if (b == Colouring.CLUSTER) {
                clusters.requestLoad();
            }
            updateClusters();
        });
        clusters.loadedProperty().addListener((o, a, b) -> updateClusters());
        // The selected clusters and their names change only what colouring by cluster shows.
        clusters.selected().addListener((javafx.collections.ListChangeListener<Integer>) c -> recolourClusters());
        clusters.names().addListener((javafx.collections.ListChangeListener<String>) c -> recolourClusters());
        clusters.noteProperty().addListener((o, a, b) -> updateNote());
        if (session.workspace() != null) {
            onWorkspace(session.workspace());
        }
    }

    /**
     * Another model (or none): nothing read off the previous one (hover, probe, search, the layout's
     * caption) may stay on screen, since it would describe codes that are no longer shown.
     */
    private void onWorkspace(Workspace w) {
        projectionRun++;
        projection.set(null);
        projectionInfo.set("");
        clearHover();
        clearProbe();
        searchText.set("");
        focus.reset();
        isolated.set(false);
        if (w == null) {
            return;
        }
        Dataset data = w.dataset();
        colours = new int[data.size()];
        labelShown = new boolean[data.hasLabels() ? data.labelNames().size() : 0];
        java.util.Arrays.fill(labelShown, true);
        updateClusters();
        reproject();
    }

    private void clearHover() {
        hovered.set(-1);
        hoverText.set("");
        hoverImage.set(null);
        hoverReconstruction.set(null);
    }

    private void clearProbe() {
        probeText.set("");
        probeImage.set(null);
    }

    // ---- colours: by label or by cluster ------------------------------------------------------------

    /** Starts computing the points' clusters when they are shown and not known for the current clusters. */
    private void updateClusters() {
        Workspace w = session.workspace();
        ClusterSelection.Loaded l = clusters.loaded();
        if (l == null || w == null || l.model() != w.model()) {
            // Withdrawn or not read yet (the map may hear of a new model before the Clusters screen does).
            stopClusterTask();
            clusterColours = null;
            if (w != null && colouring.get() == Colouring.CLUSTER) {
                clusters.requestLoad();
            }
        } else if (colouring.get() == Colouring.CLUSTER && (clusterColours == null || clusterColours.source() != l)) {
            stopClusterTask();
            long run = clusterRun;
            clusterColours = null;
            clusterShown = new boolean[l.clusters().clusterCount()];
            java.util.Arrays.fill(clusterShown, true);
            clusterTask = executor.submit("Clusters of " + w.dataset().size() + " points", true, (progress, cancel) ->
                    ClusterColours.compute(l, w.dataset(), w.codes(), progress, cancel), cc -> {
                        if (run == clusterRun) {
                            clusterColours = cc;
                            recolour();
                        }
                    }, t -> {
                        if (run == clusterRun && !ErrorReporter.isCancellation(t)) {
                            clusterNote.set("Could not compute the clusters: " + ErrorReporter.describe(t));
                            errors.error("Could not colour the map by cluster", ErrorReporter.describe(t));
                        }
                    });
        }
        recolour();
    }

    /** Forgets the clusters being computed (their result is dropped) and stops the task. */
    private void stopClusterTask() {
        clusterRun++;
        if (clusterTask != null) {
            clusterTask.cancel();
            clusterTask = null;
        }
    }

    private void updateNote() {
        if (colouring.get() != Colouring.CLUSTER) {
            clusterNote.set("");
        } else if (clusterColours != null) {
            ClusterSelection.Loaded l = clusterColours.source();
            clusterNote.set(l.clusters().clusterCount() + " clusters · " + l.clusters().source()
                    + " · faint = uncertain · click a point to pick its cluster");
        } else if (clusters.loaded() != null && clusters.loaded().model() == modelOrNull()) {
            clusterNote.set("Computing the cluster of each point…");
        } else {
            clusterNote.set(clusters.noteProperty().get());
        }
    }

    private void recolourClusters() {
        if (colouring.get() == Colouring.CLUSTER) {
            recolour();
        }
    }

    private ModelHandle modelOrNull() {
        return session.workspace() == null ? null : session.workspace().model();
    }

    /** Colours, visibility, draw order and legend for the current colouring, selection and names. */
    private void recolour() {
        Workspace w = session.workspace();
        if (w == null) {
            return;
        }
        Dataset data = w.dataset();
        int n = colours.length;
        List<LegendEntry> entries = new ArrayList<>();
        front = null;
        if (colouring.get() == Colouring.CLUSTER) {
            if (clusterColours == null) {
                java.util.Arrays.fill(colours, PENDING);
                visible = null;
            } else {
                clusterLegend(entries);
            }
        } else {
            if (data.hasLabels()) {
                for (int i = 0; i < n; i++) {
                    colours[i] = data.labels()[i] < 0 ? Palette.UNLABELLED : Palette.argb(data.labels()[i]);
                }
                for (int k = 0; k < labelShown.length; k++) {
                    entries.add(new LegendEntry(k, data.labelNames().get(k), Palette.argb(k), labelShown[k], false));
                }
            } else {
                java.util.Arrays.fill(colours, Palette.UNLABELLED);
            }
            visible = hidden(data.hasLabels() ? data.labels() : null, labelShown);
        }
        visible = focus.restrict(visible);
        front = MapFocus.shown(front, visible);
        legend.setAll(entries);
        updateNote();
        bump();
    }

    private void clusterLegend(List<LegendEntry> entries) {
        int[] cluster = clusterColours.cluster();
        float[] confidence = clusterColours.confidence();
        int k = clusterShown.length;
        boolean[] picked = new boolean[k];
        List<Integer> selected = clusters.selected();
        for (int c : selected) {
            if (c >= 0 && c < k) {
                picked[c] = true;
            }
        }
        boolean any = !selected.isEmpty();
        int inFront = 0;
        for (int i = 0; i < colours.length; i++) {
            int c = cluster[i];
            if (!any || picked[c]) {
                colours[i] = ClusterColours.shade(Palette.clusterArgb(c), confidence[i], k);
                inFront += any && clusterShown[c] ? 1 : 0;
            } else {
                colours[i] = FADED;
            }
        }
        if (any) {
            // The selected clusters' points are drawn again on top, so the faded crowd cannot cover them.
            front = new int[inFront];
            for (int i = 0, j = 0; i < colours.length; i++) {
                if (picked[cluster[i]] && clusterShown[cluster[i]]) {
                    front[j++] = i;
                }
            }
        }
        List<String> names = clusters.names();
        for (int c = 0; c < k; c++) {
            entries.add(new LegendEntry(c, c < names.size() ? names.get(c) : "cluster " + c, Palette.clusterArgb(c),
                    clusterShown[c], picked[c]));
        }
        visible = hidden(cluster, clusterShown);
    }

    /** Per-point visibility from per-group visibility, or null when every group is shown. */
    private static boolean[] hidden(int[] group, boolean[] shown) {
        boolean all = true;
        for (boolean b : shown) {
            all &= b;
        }
        if (all || group == null) {
            return null;
        }
        boolean[] v = new boolean[group.length];
        for (int i = 0; i < group.length; i++) {
            v[i] = group[i] < 0 || group[i] >= shown.length || shown[group[i]];
        }
        return v;
    }

    /** Lays the codes out: directly for d ≤ 2, through the chosen method otherwise. */
    public void reproject() {
        Workspace w = session.workspace();
        if (w == null) {
            return;
        }
        float[][] codes = focus.codes(w.codes());
        int d = w.model().latentDim();
        long run = ++projectionRun;
        layoutRun.set(layoutRun.get() + 1);
        if (projectionTask != null) {
            projectionTask.cancel();
        }
        setPaused(false);
        // The probe read the old layout; the new one may have no inverse, or another.
        clearProbe();
        if (d <= 2) {
            // The codes are their own layout: a selection laid out alone is the same, isolated.
            float[][] all = w.codes();
            float[] x = new float[all.length];
            float[] y = new float[all.length];
            for (int i = 0; i < all.length; i++) {
                x[i] = all[i][0];
                y[i] = d == 2 ? all[i][1] : 0;
            }
            Plane identity = d == 2 ? Plane.ofDims(new float[2], 0, 1) : null;
            setProjection(new Projection("identity", "d = " + d + ": the posterior means themselves", x, y, identity));
            return;
        }
        String m = method.get();
        ProjectionSpec spec = new ProjectionSpec(m, java.util.Map.copyOf(parameters(m)));
        AtomicReference<Projection> latest = new AtomicReference<>();
        projecting.set(true);
        projectionTask = executor.submit(m + " of " + codes.length + " codes", true, (progress, cancel) ->
                services.project(codes, spec, (it, n, x, y) -> {
                    progress.update(it / (double) Math.max(1, n), "iteration " + it + " of " + n);
                    // Intermediate layouts: only the newest one waits for the UI thread.
                    if (latest.getAndSet(new Projection(m, "iteration " + it + " of " + n, x, y, null)) == null) {
                        executor.runOnUi(() -> {
                            Projection p = latest.getAndSet(null);
                            if (p != null && run == projectionRun) {
                                setProjection(p);
                            }
                        });
                    }
                    // Paused: the optimiser waits here, its latest layout shown, until resumed or cancelled.
                    while (pause.get()) {
                        cancel.check();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.util.concurrent.CancellationException("cancelled");
                        }
                    }
                }, cancel), p -> {
                    if (run == projectionRun) {
                        projecting.set(false);
                        setPaused(false);
                        setProjection(p);
                    }
                }, t -> {
                    if (run == projectionRun) {
                        projecting.set(false);
                        setPaused(false);
                    }
                    if (!ErrorReporter.isCancellation(t)) {
                        errors.error("Could not project the codes", ErrorReporter.describe(t));
                    }
                });
    }

    /** Pauses (or resumes) a running t-SNE or UMAP at its next report; the layout so far stays drawn. */
    public void setPaused(boolean now) {
        pause.set(now);
        paused.set(now);
    }

    /**
     * The parameters the next projection with {@code method} takes (mutable; see
     * {@link ProjectionParameters} for the names, ranges and defaults).
     */
    public java.util.Map<String, Number> parameters(String method) {
        return parameters.computeIfAbsent(method, k -> new java.util.LinkedHashMap<>(ProjectionParameters.defaults(k)));
    }

    public javafx.beans.property.LongProperty layoutRunProperty() {
        return layoutRun;
    }

    public javafx.beans.property.BooleanProperty projectingProperty() {
        return projecting;
    }

    public javafx.beans.property.BooleanProperty pausedProperty() {
        return paused;
    }

    private void setProjection(Projection p) {
        Workspace w = session.workspace();
        p = w == null ? p : focus.expand(p, w.dataset().size());
        projection.set(p);
        projectionInfo.set(p.method() + " — " + p.params());
        bump();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    // ---- legend ----------------------------------------------------------------------------------

    /** Shows or hides the points of legend entry {@code k}: a class, or a cluster when coloured by cluster. */
    public void setShown(int k, boolean shown) {
        boolean[] groups = colouring.get() == Colouring.CLUSTER ? clusterShown : labelShown;
        if (k < 0 || k >= groups.length || groups[k] == shown) {
            return;
        }
        groups[k] = shown;
        recolour();
    }

    /**
     * Picks cluster {@code c} (the map's legend, or the cluster of a clicked point): it becomes the
     * window's selected cluster, which the Clusters screen samples from; {@code add} toggles it instead.
     */
    public void pickCluster(int c, boolean add) {
        if (add) {
            clusters.toggle(c);
        } else {
            clusters.select(List.of(c));
        }
    }

    /** The cluster of point {@code i} when the map is coloured by cluster and they are known, else −1. */
    public int clusterOf(int i) {
        return colouring.get() == Colouring.CLUSTER && clusterColours != null && i >= 0 && i < clusterColours.cluster().length
                ? clusterColours.cluster()[i] : -1;
    }

    // ---- hover, probe, selection -----------------------------------------------------------------

    /** The mouse is over point {@code i} (or none, -1). */
    public void hover(int i) {
        if (i == hovered.get()) {
            return;
        }
        hovered.set(i);
        Workspace w = session.workspace();
        if (i < 0 || w == null) {
            hoverText.set("");
            return;
        }
        Dataset data = w.dataset();
        hoverImage.set(data.row(i));
        hoverText.set("#" + i + (data.hasLabels() ? "  label " + data.labelNames().get(data.labels()[i]) : ""));
        reconstruct.request(new Decode(w.model(), w.codes()[i]));
    }

    /** The mouse is at layout point (x, y): decode the latent point there, when the layout has an inverse. */
    public void probeAt(double x, double y) {
        Projection p = projection.get();
        if (p == null || p.inverse() == null) {
            probeText.set(p == null ? "" : "no probe: " + p.method() + " has no inverse map");
            return;
        }
        float[] z = p.inverse().point(x, y);
        probeText.set(formatCode(z));
        probe.request(new Decode(session.workspace().model(), z));
    }

    private static String formatCode(float[] z) {
        StringBuilder b = new StringBuilder("z = (");
        for (int k = 0; k < Math.min(z.length, 4); k++) {
            b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[k]));
        }
        return b.append(z.length > 4 ? ", …)" : ")").toString();
    }

    /**
     * A click on point {@code i} (−1: on no point): selects the example, and when the map is coloured
     * by cluster, also that point's cluster ({@code add}: adds or removes them instead).
     */
    public void click(int i, boolean add) {
        int c = clusterOf(i);
        if (c >= 0) {
            pickCluster(c, add);
        } else if (i < 0 && !add && colouring.get() == Colouring.CLUSTER) {
            clusters.select(List.of());
        }
        if (i < 0) {
            if (!add) {
                session.select();
            }
            return;
        }
        if (!add) {
            session.select(i);
            return;
        }
        int[] cur = session.selection();
        for (int s : cur) {
            if (s == i) {
                session.select(java.util.Arrays.stream(cur).filter(v -> v != i).toArray());
                return;
            }
        }
        int[] next = java.util.Arrays.copyOf(cur, cur.length + 1);
        next[cur.length] = i;
        session.select(next);
    }

    /** No example selected (the picked clusters stay). */
    public void clearSelection() {
        session.select();
    }

    /** Selects the visible points inside the polygon (layout coordinates; a box is a 4-point polygon). */
    public void selectInside(double[] px, double[] py) {
        Projection p = projection.get();
        if (p == null || px.length < 3) {
            return;
        }
        int[] found = new int[p.size()];
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            if ((visible == null || visible[i]) && inside(px, py, p.x()[i], p.y()[i])) {
                found[n++] = i;
            }
        }
        session.select(java.util.Arrays.copyOf(found, n));
    }

    static boolean inside(double[] px, double[] py, double x, double y) {
        boolean in = false;
        for (int i = 0, j = px.length - 1; i < px.length; j = i++) {
            if ((py[i] > y) != (py[j] > y) && x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i]) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * Finds examples: {@code #12} or a bare number when the data has no labels selects by index, a
     * label name (or class number) selects that class. Returns how many were found.
     */
    public int find(String text) {
        Workspace w = session.workspace();
        String t = text == null ? "" : text.trim();
        if (w == null || t.isEmpty()) {
            return 0;
        }
        Dataset data = w.dataset();
        boolean byIndex = t.startsWith("#") || !data.hasLabels();
        if (byIndex) {
            try {
                int i = Integer.parseInt(t.replace("#", "").trim());
                if (i < 0 || i >= data.size()) {
                    throw new InputException("index " + i + " is outside 0.." + (data.size() - 1));
                }
                session.select(i);
                return 1;
            } catch (NumberFormatException e) {
                throw new InputException("'" + t + "' is not an example index");
            }
        }
        int k = data.labelNames().indexOf(t);
        if (k < 0) {
            for (int j = 0; j < data.labelNames().size(); j++) {
                if (data.labelNames().get(j).equalsIgnoreCase(t)) {
                    k = j;
                }
            }
        }
        if (k < 0) {
            throw new InputException("no label '" + t + "' (labels: " + String.join(", ", data.labelNames())
                    + "; #N finds example N)");
        }
        int label = k;
        session.select(java.util.stream.IntStream.range(0, data.size()).filter(i -> data.labels()[i] == label).toArray());
        return session.selection().length;
    }

    /**
     * Writes the map as a PNG of {@code width} × {@code height} pixels: the region of {@code view}, with axes,
     * the legend and the projection's caption ({@link MapPicture}); drawn and written on a worker.
     */
    public void exportPng(Path file, Viewport view, int width, int height) {
        Projection p = projection.get();
        if (p == null || view == null) {
            return;
        }
        int[] colours = colours().clone(), front = front(), sel = selection().clone();
        boolean[] visible = visibility() == null ? null : visibility().clone();
        List<LegendEntry> entries = List.copyOf(legend());
        String title = colouring.get() == Colouring.CLUSTER ? "Clusters" : "Labels";
        String caption = projectionInfo.get();
        executor.submit("Exporting " + file.getFileName(), true, (pr, c) -> {
            java.awt.image.BufferedImage img = MapPicture.draw(view, p, colours, visible, front, sel, entries, title,
                    caption, width, height);
            org.latentexplorer.common.AtomicFiles.writePng(img, file);
            return file;
        }, f -> session.statusProperty().set("Wrote " + f), t -> errors.error("Could not export", ErrorReporter.describe(t)));
    }

    /** Writes every point as CSV (see {@link #exportCsv(Path, int[])}). */
    public void exportCsv(Path file) {
        exportCsv(file, null);
    }

    /**
     * Writes points {@code rows} (null: all, in index order) as CSV: index, label, cluster when the points'
     * clusters are known, the layout's x and y, and the code z1..zd ({@link PointsCsv}).
     */
    public void exportCsv(Path file, int[] rows) {
        Workspace w = session.workspace();
        Projection p = projection.get();
        if (w == null || p == null) {
            return;
        }
        int[] clusters = pointClusters();
        executor.submit("Exporting " + file.getFileName(), true, (progress, cancel) -> {
            AtomicFiles.write(file, out -> PointsCsv.write(out, w.dataset(), w.codes(), p, clusters, rows));
            return file;
        }, f -> session.statusProperty().set("Wrote " + f), t -> errors.error("Could not export", ErrorReporter.describe(t)));
    }

    // ---- focus: isolation, a selection laid out alone, a custom layout, marked points ------------------

    /** Shows only {@code indices} on the map (null: every point again, without a new layout). */
    public void isolate(int[] indices) {
        Workspace w = session.workspace();
        if (w == null) {
            return;
        }
        focus.isolate(indices, w.dataset().size());
        isolated.set(focus.isIsolated());
        recolour();
    }

    /**
     * Runs the current projection on the codes of {@code indices} alone and shows only them (with d ≤ 2 the
     * codes are the layout, so this isolates them).
     */
    public void reprojectAlone(int[] indices) {
        if (indices == null || indices.length < 3) {
            throw new InputException("select at least 3 points to lay them out alone");
        }
        if (focus.only() == null) {
            focus.keep(projection.get());
        }
        focus.layOutOnly(indices);
        isolate(indices);
        reproject();
    }

    /**
     * Every point again: no isolation, and when the last layout was of a selection alone, the layout of all
     * of them shown before it (or a new one, when the method was changed meanwhile).
     */
    public void showAll() {
        boolean relayout = focus.only() != null;
        Projection before = focus.takeKept();
        focus.layOutOnly(null);
        isolate(null);
        if (relayout && before != null && before.method().equals(method.get())) {
            showLayout(before);
        } else if (relayout) {
            reproject();
        }
    }

    /** True while only some points are shown. */
    public javafx.beans.property.BooleanProperty isolatedProperty() {
        return isolated;
    }

    /**
     * Shows a layout made elsewhere (an attribute direction's axis) in place of the projection's: a running
     * projection stops, and the view fits the new layout. {@link #reproject()} goes back.
     */
    public void showLayout(Projection p) {
        projectionRun++;
        if (projectionTask != null) {
            projectionTask.cancel();
        }
        projecting.set(false);
        setPaused(false);
        clearProbe();
        if (focus.only() != null) {
            // The new layout places every point: the isolation alone still narrows what is shown.
            focus.layOutOnly(null);
        }
        layoutRun.set(layoutRun.get() + 1);
        setProjection(p);
    }

    /** Marks points on the map (the clicked point's neighbours); null or empty: none. */
    public void mark(int[] indices) {
        focus.mark(indices);
        bump();
    }

    public int[] marked() {
        return focus.marked();
    }

    /** Each point's most responsible cluster when they are known for the open model, else null. */
    public int[] pointClusters() {
        Workspace w = session.workspace();
        return clusterColours == null || w == null || clusterColours.source().model() != w.model() ? null
                : clusterColours.cluster();
    }

    /** Display names of the clusters (the user's, shared with the Clusters screen). */
    public List<String> clusterNames() {
        return clusters.names();
    }

    // ---- properties ------------------------------------------------------------------------------

    public ObjectProperty<Projection> projectionProperty() {
        return projection;
    }

    public StringProperty projectionInfoProperty() {
        return projectionInfo;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public ObservableList<LegendEntry> legend() {
        return legend;
    }

    public LongProperty revisionProperty() {
        return revision;
    }

    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    public ObjectProperty<float[]> hoverImageProperty() {
        return hoverImage;
    }

    public ObjectProperty<float[]> hoverReconstructionProperty() {
        return hoverReconstruction;
    }

    public StringProperty hoverTextProperty() {
        return hoverText;
    }

    public ObjectProperty<float[]> probeImageProperty() {
        return probeImage;
    }

    public StringProperty probeTextProperty() {
        return probeText;
    }

    /** The search field's text: kept here so that opening another model can clear it. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public int[] colours() {
        return colours;
    }

    /** Points to draw again on top of the others (the selected clusters'), or null. */
    public int[] front() {
        return front;
    }

    public ObjectProperty<Colouring> colouringProperty() {
        return colouring;
    }

    /** What the cluster colouring shows, or why there is none yet; empty when coloured by label. */
    public StringProperty clusterNoteProperty() {
        return clusterNote;
    }

    /** The window's clusters (to fit them from the map for a plain VAE). */
    public ClusterSelection clusters() {
        return clusters;
    }

    /** Per-point visibility, or null when every class is shown. */
    public boolean[] visibility() {
        return visible;
    }

    public int[] selection() {
        return session.selection();
    }

    public Workspace workspace() {
        return session.workspace();
    }
}
