package org.latentexplorer.ui.map;

import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.sample.AttributeDirection;
import org.latentexplorer.sample.Plane;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * Attribute directions (Latent Space Cartography, Liu et al. 2019): two groups of points, each a selection
 * or a label, give the vector between their centroids ({@link AttributeDirection}); a point is walked along
 * it as a strip of decoded images, and the direction can become the map's x axis.
 */
public final class AttributeViewModel {
    /** The walk: this many multiples of the vector, from −{@value #REACH} to +{@value #REACH}. */
    public static final int STEPS = 9;
    public static final double REACH = 2;
    /** The method name of the layout along a direction (the map's axes and caption read it). */
    public static final String METHOD = "attribute direction";

    /** A group of points and what to call it ("seven", "120 selected"). */
    public record Group(String name, int[] indices) {
    }

    /** The decoded walk: the point walked, the multiples of the vector and one decoded image per multiple. */
    public record Walk(int point, double[] multiples, float[][] images) {
    }

    private final MapViewModel map;
    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final ObjectProperty<Group> groupA = new SimpleObjectProperty<>();
    private final ObjectProperty<Group> groupB = new SimpleObjectProperty<>();
    private final IntegerProperty point = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Walk> walk = new SimpleObjectProperty<>();
    private final StringProperty caption = new SimpleStringProperty("");
    private long run;

    public AttributeViewModel(MapViewModel map, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.map = map;
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        session.workspaceProperty().addListener((o, a, b) -> {
            groupA.set(null);
            groupB.set(null);
            point.set(-1);
        });
        // The point walked is the clicked one, or the first of a selection.
        session.selectionProperty().addListener((o, a, b) -> {
            if (b.length > 0) {
                point.set(b[0]);
            }
        });
        groupA.addListener((o, a, b) -> update());
        groupB.addListener((o, a, b) -> update());
        point.addListener((o, a, b) -> update());
        update();
    }

    /** Group A (or B) becomes the current selection. */
    public void setFromSelection(boolean a) {
        int[] sel = session.selection();
        if (sel.length == 0) {
            throw new InputException("nothing is selected: select the points of group " + (a ? "A" : "B") + " first");
        }
        (a ? groupA : groupB).set(new Group(name(sel), sel.clone()));
    }

    /** "#12" for one point, "mostly seven" when three quarters of the points share a label, else "selection of 120". */
    private String name(int[] sel) {
        if (sel.length == 1) {
            return "#" + sel[0];
        }
        Dataset d = session.workspace().dataset();
        if (d.hasLabels()) {
            int[] n = SelectionViewModel.histogram(sel, d.labels(), d.labelNames().size());
            for (int k = 0; k < n.length; k++) {
                if (n[k] * 4 >= sel.length * 3) {
                    return "mostly " + d.labelNames().get(k);
                }
            }
        }
        return "selection of " + sel.length;
    }

    /** Group A (or B) becomes every point with label {@code label}. */
    public void setFromLabel(boolean a, int label) {
        Workspace w = session.workspace();
        if (w == null || !w.dataset().hasLabels() || label < 0 || label >= w.dataset().labelNames().size()) {
            throw new InputException("no label " + label + " in this data set");
        }
        Dataset d = w.dataset();
        int[] rows = java.util.stream.IntStream.range(0, d.size()).filter(i -> d.labels()[i] == label).toArray();
        (a ? groupA : groupB).set(new Group(d.labelNames().get(label), rows));
    }

    /** The direction from A to B, or null while a group is missing. */
    public AttributeDirection direction() {
        Workspace w = session.workspace();
        Group a = groupA.get();
        Group b = groupB.get();
        return w == null || a == null || b == null ? null : AttributeDirection.between(w.codes(), a.indices(), b.indices());
    }

    private void update() {
        run++;
        Workspace w = session.workspace();
        AttributeDirection dir = direction();
        if (dir == null) {
            walk.set(null);
            caption.set(groupA.get() == null && groupB.get() == null
                    ? "Pick two groups: the selection (Set as A, Set as B) or a label each"
                    : "Now pick group " + (groupA.get() == null ? "A" : "B"));
            return;
        }
        String names = groupA.get().name() + " → " + groupB.get().name();
        int p = point.get();
        if (p < 0 || p >= w.codes().length) {
            walk.set(null);
            caption.set(String.format(Locale.ROOT, "%s: ‖B − A‖ = %.3g · click a point to walk it along the direction",
                    names, dir.length()));
            return;
        }
        double[] t = AttributeDirection.multiples(REACH, STEPS);
        float[][] z = dir.walk(w.codes()[p], t);
        ModelHandle model = w.model();
        long mine = run;
        caption.set(String.format(Locale.ROOT, "#%d walked along %s (‖B − A‖ = %.3g): z + t·(B − A), t from −%s to +%s",
                p, names, dir.length(), Plane.formatValue(REACH), Plane.formatValue(REACH)));
        executor.submit("Walking #" + p, false, (progress, cancel) -> model.decode(z), images -> {
            if (mine == run) {
                walk.set(new Walk(p, t, images));
            }
        }, e -> errors.error("Could not decode the walk", ErrorReporter.describe(e)));
    }

    /**
     * Lays the map out along the direction: x is the coordinate along it (A's centroid at 0, B's at ‖B − A‖),
     * y the first principal axis of what it leaves of the codes; the plane is the layout's inverse, so the
     * probe decodes along the direction. Computed on a worker.
     */
    public void useAsAxis() {
        Workspace w = session.workspace();
        AttributeDirection dir = direction();
        if (dir == null) {
            throw new InputException("pick groups A and B first");
        }
        String name = groupA.get().name() + " → " + groupB.get().name();
        float[][] codes = w.codes();
        executor.submit("Laying the map out along " + name, true, (progress, cancel) -> {
            Plane plane = dir.axisPlane(codes, name);
            float[] x = new float[codes.length];
            float[] y = new float[codes.length];
            for (int i = 0; i < codes.length; i++) {
                cancel.check();
                double[] uv = plane.coordinates(codes[i]);
                x[i] = (float) uv[0];
                y[i] = (float) uv[1];
            }
            return new Projection(METHOD, "x along " + name + " (A at 0, B at "
                    + Plane.formatValue(dir.length()) + "), y the principal axis of the rest", x, y, plane);
        }, p -> {
            if (session.workspace() == w) {
                map.showLayout(p);
            }
        }, e -> errors.error("Could not lay the map out along the direction", ErrorReporter.describe(e)));
    }

    /** Back to the map's own projection. */
    public void restoreLayout() {
        map.reproject();
    }

    public ObjectProperty<Group> groupAProperty() {
        return groupA;
    }

    public ObjectProperty<Group> groupBProperty() {
        return groupB;
    }

    /** The point walked: the clicked point or the first selected, −1 before any. */
    public IntegerProperty pointProperty() {
        return point;
    }

    /** The decoded walk, or null while groups or a point are missing (or it is being decoded). */
    public ObjectProperty<Walk> walkProperty() {
        return walk;
    }

    /** What the strip shows, or what is missing for one. */
    public StringProperty captionProperty() {
        return caption;
    }

    /** Label names to pick groups from (empty without labels). */
    public java.util.List<String> labelNames() {
        Workspace w = session.workspace();
        return w == null || !w.dataset().hasLabels() ? java.util.List.of() : w.dataset().labelNames();
    }

    public Workspace workspace() {
        return session.workspace();
    }

    /** The map's layout (the panel's "Back" applies to a layout along a direction only). */
    public javafx.beans.value.ObservableValue<Projection> mapProjection() {
        return map.projectionProperty();
    }
}
