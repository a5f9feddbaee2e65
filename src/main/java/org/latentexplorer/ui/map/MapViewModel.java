package org.latentexplorer.ui.map;

import java.io.BufferedWriter;
import java.nio.file.Files;
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
import org.latentexplorer.ui.services.Plane;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.services.ProjectionSpec;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.LatestWins;
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

    private int[] colours = new int[0];
    private boolean[] visible;
    private boolean[] classVisible = new boolean[0];
    private final LatestWins<Decode, float[]> reconstruct;
    private final LatestWins<Decode, float[]> probe;
    private long projectionRun;

    /** One code to decode with the model that was open when it was asked for. */
    private record Decode(ModelHandle model, float[] z) {
        float[] run() {
            return model.decode(new float[][] {z})[0];
        }
    }

    /** A class in the legend: its index, name, colour and whether it is shown. */
    public record LegendEntry(int index, String name, int argb, boolean shown) {
    }

    public MapViewModel(CoreServices services, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.services = services;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        methods.setAll(services.projectionMethods());
        reconstruct = new LatestWins<>(executor, "reconstruct", Decode::run, hoverReconstruction::set,
                t -> hoverReconstruction.set(null));
        probe = new LatestWins<>(executor, "probe", Decode::run, probeImage::set, t -> probeImage.set(null));
        session.workspaceProperty().addListener((o, a, w) -> onWorkspace(w));
        session.selectionProperty().addListener((o, a, b) -> bump());
        if (session.workspace() != null) {
            onWorkspace(session.workspace());
        }
    }

    private void onWorkspace(Workspace w) {
        projection.set(null);
        hovered.set(-1);
        hoverImage.set(null);
        hoverReconstruction.set(null);
        probeImage.set(null);
        if (w == null) {
            return;
        }
        Dataset data = w.dataset();
        colours = new int[data.size()];
        List<LegendEntry> entries = new ArrayList<>();
        if (data.hasLabels()) {
            for (int i = 0; i < colours.length; i++) {
                colours[i] = Palette.argb(data.labels()[i]);
            }
            for (int k = 0; k < data.labelNames().size(); k++) {
                entries.add(new LegendEntry(k, data.labelNames().get(k), Palette.argb(k), true));
            }
        } else {
            java.util.Arrays.fill(colours, Palette.UNLABELLED);
        }
        classVisible = new boolean[entries.size()];
        java.util.Arrays.fill(classVisible, true);
        visible = null;
        legend.setAll(entries);
        reproject();
    }

    /** Lays the codes out: directly for d ≤ 2, through the chosen method otherwise. */
    public void reproject() {
        Workspace w = session.workspace();
        if (w == null) {
            return;
        }
        float[][] codes = w.codes();
        int d = w.model().latentDim();
        long run = ++projectionRun;
        if (d <= 2) {
            float[] x = new float[codes.length];
            float[] y = new float[codes.length];
            for (int i = 0; i < codes.length; i++) {
                x[i] = codes[i][0];
                y[i] = d == 2 ? codes[i][1] : 0;
            }
            Plane identity = d == 2 ? Plane.ofDims(new float[2], 0, 1) : null;
            setProjection(new Projection("identity", "d = " + d + ": the posterior means themselves", x, y, identity));
            return;
        }
        String m = method.get();
        ProjectionSpec spec = new ProjectionSpec(m, java.util.Map.of());
        AtomicReference<Projection> latest = new AtomicReference<>();
        executor.submit(m + " of " + codes.length + " codes", true, (progress, cancel) ->
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
                }, cancel), p -> {
                    if (run == projectionRun) {
                        setProjection(p);
                    }
                }, t -> {
                    if (!ErrorReporter.isCancellation(t)) {
                        errors.error("Could not project the codes", ErrorReporter.describe(t));
                    }
                });
    }

    private void setProjection(Projection p) {
        projection.set(p);
        projectionInfo.set(p.method() + " — " + p.params());
        bump();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    // ---- legend ----------------------------------------------------------------------------------

    public void setClassShown(int k, boolean shown) {
        if (k < 0 || k >= classVisible.length || classVisible[k] == shown) {
            return;
        }
        classVisible[k] = shown;
        legend.set(k, new LegendEntry(k, legend.get(k).name(), legend.get(k).argb(), shown));
        int[] labels = session.workspace().dataset().labels();
        boolean all = true;
        for (boolean b : classVisible) {
            all &= b;
        }
        if (all) {
            visible = null;
        } else {
            visible = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                visible[i] = classVisible[labels[i]];
            }
        }
        bump();
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

    public void click(int i, boolean add) {
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

    /** Writes index, label, code and layout position of every example as CSV. */
    public void exportCsv(Path file) {
        Workspace w = session.workspace();
        Projection p = projection.get();
        if (w == null || p == null) {
            return;
        }
        executor.submit("Exporting " + file.getFileName(), true, (progress, cancel) -> {
            AtomicFiles.write(file, out -> {
                BufferedWriter b = new BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
                Dataset data = w.dataset();
                int d = w.model().latentDim();
                b.write("index,label");
                for (int k = 0; k < d; k++) {
                    b.write(",z" + (k + 1));
                }
                b.write(",x,y\n");
                for (int i = 0; i < data.size(); i++) {
                    b.write(i + "," + (data.hasLabels() ? data.labelNames().get(data.labels()[i]) : ""));
                    for (int k = 0; k < d; k++) {
                        b.write("," + w.codes()[i][k]);
                    }
                    b.write("," + p.x()[i] + "," + p.y()[i] + "\n");
                }
                b.flush();
            });
            return file;
        }, f -> session.statusProperty().set("Wrote " + f), t -> errors.error("Could not export", ErrorReporter.describe(t)));
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

    public int[] colours() {
        return colours;
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
