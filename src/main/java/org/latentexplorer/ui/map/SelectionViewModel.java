package org.latentexplorer.ui.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.ui.common.Palette;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * What the map's selection leads to: its size, how its points spread over the labels and the clusters, a
 * gallery of its images, and what can be done with it (clear, invert, isolate, lay out alone, export).
 * The selection itself lives in the {@link Session}, shared with the other screens.
 */
public final class SelectionViewModel {
    /** The most images a gallery PNG holds: ten thousand 28-pixel tiles make a picture of about 2,900 pixels a side. */
    static final int GALLERY_PNG_MAX = 10_000;

    /** One bar of a histogram: a label or a cluster, its name and colour, and how many selected points it holds. */
    public record Bar(int index, String name, int count, int argb) {
    }

    private final MapViewModel map;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final IntegerProperty count = new SimpleIntegerProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<Bar> labelBars = FXCollections.observableArrayList();
    private final ObservableList<Bar> clusterBars = FXCollections.observableArrayList();
    private final ObjectProperty<int[]> shown = new SimpleObjectProperty<>(new int[0]);

    public SelectionViewModel(MapViewModel map, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.map = map;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        session.selectionProperty().addListener((o, a, b) -> update());
        // The clusters become known (or change) with a new colouring: the cluster histogram follows.
        map.revisionProperty().addListener((o, a, b) -> updateClusters());
        update();
    }

    private void update() {
        int[] sel = session.selection();
        count.set(sel.length);
        shown.set(sel);
        Workspace w = session.workspace();
        List<Bar> bars = new ArrayList<>();
        if (w != null && w.dataset().hasLabels()) {
            Dataset data = w.dataset();
            List<String> names = data.labelNames();
            int[] n = histogram(sel, data.labels(), names.size());
            for (int k = 0; k < n.length; k++) {
                if (n[k] > 0) {
                    bars.add(new Bar(k, names.get(k), n[k], Palette.argb(k)));
                }
            }
        }
        labelBars.setAll(bars);
        summary.set(sel.length == 0 ? "Nothing selected"
                : sel.length == 1 ? "1 selected: #" + sel[0]
                : sel.length + " selected");
        updateClusters();
    }

    private void updateClusters() {
        int[] clusters = map.pointClusters();
        List<Bar> bars = new ArrayList<>();
        if (clusters != null) {
            List<String> names = map.clusterNames();
            int k = names.size();
            for (int c : clusters) {
                k = Math.max(k, c + 1);
            }
            int[] n = histogram(session.selection(), clusters, k);
            for (int c = 0; c < k; c++) {
                if (n[c] > 0) {
                    bars.add(new Bar(c, c < names.size() ? names.get(c) : "cluster " + c, n[c], Palette.clusterArgb(c)));
                }
            }
        }
        // The map redraws often (each step of a running t-SNE): the bars change only when their counts do.
        if (!bars.equals(clusterBars)) {
            clusterBars.setAll(bars);
        }
    }

    /** How many of {@code rows} fall in each group 0..k−1 of {@code group} (negative groups are not counted). */
    static int[] histogram(int[] rows, int[] group, int k) {
        int[] n = new int[k];
        for (int i : rows) {
            int g = group[i];
            if (g >= 0 && g < k) {
                n[g]++;
            }
        }
        return n;
    }

    /** Nothing selected (Esc, a click on empty space); the map's isolation stays until Show all. */
    public void clear() {
        session.select();
    }

    /**
     * Selects every point the legend shows that is not selected now, and nothing else. An isolated map shows
     * every point again first: isolated, the new selection could not be seen.
     */
    public void invert() {
        Workspace w = session.workspace();
        if (w == null) {
            return;
        }
        if (map.isolatedProperty().get()) {
            map.showAll();
        }
        int n = w.dataset().size();
        boolean[] selected = new boolean[n];
        for (int i : session.selection()) {
            selected[i] = true;
        }
        boolean[] visible = map.visibility();
        session.select(java.util.stream.IntStream.range(0, n)
                .filter(i -> !selected[i] && (visible == null || visible[i])).toArray());
    }

    /** Shows only the selected points on the map. */
    public void isolate() {
        if (session.selection().length == 0) {
            throw new InputException("select some points to isolate them");
        }
        map.isolate(session.selection());
    }

    /** Runs the map's projection on the selected codes alone and shows only them. */
    public void reprojectAlone() {
        map.reprojectAlone(session.selection());
    }

    /** Every point again (and a layout of all of them after a selection was laid out alone). */
    public void showAll() {
        map.showAll();
    }

    /** Writes the selected points as CSV: index, label, cluster (when known), x, y, z1..zd. */
    public void exportCsv(Path file) {
        if (session.selection().length == 0) {
            throw new InputException("nothing is selected: select points to export them");
        }
        map.exportCsv(file, session.selection());
    }

    /** Writes the selected images (the first {@value #GALLERY_PNG_MAX}) as one PNG of tiles, on a worker. */
    public void exportGallery(Path file) {
        Workspace w = session.workspace();
        int[] sel = session.selection();
        if (w == null || sel.length == 0) {
            throw new InputException("nothing is selected: select points to export their images");
        }
        ImageShape shape = w.dataset().shape();
        if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
            throw new InputException("the examples of " + w.dataset().id() + " (" + shape + ") are not images");
        }
        int n = Math.min(sel.length, GALLERY_PNG_MAX);
        int cols = Math.min(100, (int) Math.ceil(Math.sqrt(n)));
        Dataset data = w.dataset();
        executor.submit("Exporting " + file.getFileName(), true, (progress, cancel) -> {
            List<float[]> images = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                images.add(data.row(sel[t]));
            }
            cancel.check();
            ImageTiles.writePng(images, shape, cols, file);
            return file;
        }, f -> session.statusProperty().set("Wrote " + f + (n < sel.length ? " (the first " + n + " of "
                + sel.length + " images)" : "")), t -> errors.error("Could not export", ErrorReporter.describe(t)));
    }

    /** How many points are selected. */
    public IntegerProperty countProperty() {
        return count;
    }

    /** One line about the selection, or how to make one. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** The selected points per label, labels with none left out. */
    public ObservableList<Bar> labelBars() {
        return labelBars;
    }

    /** The selected points per cluster when the map knows the clusters (coloured by cluster once), else empty. */
    public ObservableList<Bar> clusterBars() {
        return clusterBars;
    }

    /** The selected points the gallery shows, in selection order. */
    public ObjectProperty<int[]> shownProperty() {
        return shown;
    }

    /** Example {@code i}'s values, to draw in the gallery. */
    public float[] image(int i) {
        return session.workspace().dataset().row(i);
    }

    /** The shape the gallery draws the examples in, or null with no model open. */
    public ImageShape shape() {
        Workspace w = session.workspace();
        return w == null ? null : w.dataset().shape();
    }

    /** "#12 · seven": what a gallery tile shows. */
    public String describe(int i) {
        Workspace w = session.workspace();
        if (w == null) {
            return "";
        }
        Dataset d = w.dataset();
        return "#" + i + (d.hasLabels() && d.labels()[i] >= 0 ? " · " + d.labelNames().get(d.labels()[i]) : "");
    }

    /** The map, for the hover of a gallery tile. */
    MapViewModel map() {
        return map;
    }
}
