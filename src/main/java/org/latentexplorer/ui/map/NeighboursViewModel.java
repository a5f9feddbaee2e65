package org.latentexplorer.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.embed.Neighbours;
import org.latentexplorer.embed.Neighbours.Metric;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.LatestWins;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * The nearest neighbours in latent space of the one selected point (a click), marked on the map, and how
 * many of them are also among its nearest on the map: how faithful the layout is around that point.
 */
public final class NeighboursViewModel {
    /** Largest k offered: the strip shows each neighbour as a tile. */
    public static final int MAX_K = 100;

    /** A neighbour: its index, its distance in latent space, and whether it is also a neighbour on the map. */
    public record Neighbour(int index, double distance, boolean onMap) {
    }

    /** What a search needs, read on the FX thread; {@code run} tells stale answers apart. */
    private record Query(long run, float[][] codes, Projection layout, int point, int k, Metric metric) {
    }

    private record Answer(long run, Metric metric, Neighbours.Found latent, Neighbours.Found onMap) {
    }

    private final MapViewModel map;
    private final Session session;
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.EUCLIDEAN);
    private final IntegerProperty point = new SimpleIntegerProperty(-1);
    private final ObservableList<Neighbour> neighbours = FXCollections.observableArrayList();
    private final StringProperty faithfulness = new SimpleStringProperty("");
    private final LatestWins<Query, Answer> search;
    private long run;

    public NeighboursViewModel(MapViewModel map, TaskExecutor executor, Session session, ErrorReporter errors) {
        this.map = map;
        this.session = session;
        search = new LatestWins<>(executor, "neighbours", NeighboursViewModel::find, this::show,
                t -> errors.error("Could not find the neighbours", ErrorReporter.describe(t)));
        session.selectionProperty().addListener((o, a, b) -> update());
        k.addListener((o, a, b) -> update());
        metric.addListener((o, a, b) -> update());
        // A new layout (or each step of a running one) has other neighbours on the map.
        map.projectionProperty().addListener((o, a, b) -> update());
    }

    private void update() {
        int[] sel = session.selection();
        Workspace w = session.workspace();
        Projection p = map.projectionProperty().get();
        run++;
        if (sel.length != 1 || w == null || p == null || p.size() != w.codes().length) {
            point.set(-1);
            neighbours.clear();
            faithfulness.set("");
            if (map.marked().length > 0) {
                map.mark(null);
            }
            return;
        }
        point.set(sel[0]);
        search.request(new Query(run, w.codes(), p, sel[0], Math.clamp(k.get(), 1, MAX_K), metric.get()));
    }

    /** Both searches, among the points the layout places (all of them, or a selection laid out alone). */
    private static Answer find(Query q) {
        float[] x = q.layout().x();
        float[] y = q.layout().y();
        int[] among = null;
        if (!Float.isFinite(x[q.point()])) {
            return new Answer(q.run(), q.metric(), new Neighbours.Found(new int[0], new double[0]), null);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                among = java.util.stream.IntStream.range(0, x.length).filter(j -> Float.isFinite(x[j])).toArray();
                break;
            }
        }
        Neighbours.Found latent = Neighbours.nearest(q.codes(), q.point(), q.k(), q.metric(), among);
        Neighbours.Found onMap = Neighbours.nearestOnMap(x, y, q.point(), q.k(), among);
        return new Answer(q.run(), q.metric(), latent, onMap);
    }

    private void show(Answer a) {
        if (a.run() != run) {
            return;
        }
        Neighbours.Found latent = a.latent();
        int[] mapIdx = a.onMap() == null ? new int[0] : a.onMap().index();
        java.util.Set<Integer> onMap = new java.util.HashSet<>();
        for (int i : mapIdx) {
            onMap.add(i);
        }
        List<Neighbour> list = new ArrayList<>();
        for (int t = 0; t < latent.size(); t++) {
            list.add(new Neighbour(latent.index()[t], latent.distance()[t], onMap.contains(latent.index()[t])));
        }
        neighbours.setAll(list);
        int shared = Neighbours.overlap(latent.index(), mapIdx);
        Projection p = map.projectionProperty().get();
        String layout = p == null ? "" : p.method().equals("identity") ? "the codes themselves" : p.method();
        faithfulness.set(latent.size() == 0 ? "" : String.format(Locale.ROOT,
                "%d of its %d nearest in latent space (%s) are among its %d nearest on the map (%s)", shared,
                latent.size(), a.metric(), latent.size(), layout));
        map.mark(latent.index());
    }

    /** Selects neighbour {@code i} alone: its own neighbours follow. */
    public void select(int i) {
        session.select(i);
    }

    /** How many neighbours, 1..{@value #MAX_K}; 10 unless changed. */
    public IntegerProperty kProperty() {
        return k;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** The point whose neighbours are shown, or −1 (no single point selected). */
    public IntegerProperty pointProperty() {
        return point;
    }

    /** Its neighbours, nearest first. */
    public ObservableList<Neighbour> neighbours() {
        return neighbours;
    }

    /** "7 of its 10 nearest in latent space … are among its 10 nearest on the map", or empty. */
    public StringProperty faithfulnessProperty() {
        return faithfulness;
    }

    /** Example {@code i}'s values and a caption, for the strip. */
    public float[] image(int i) {
        return session.workspace().dataset().row(i);
    }

    public Workspace workspace() {
        return session.workspace();
    }
}
