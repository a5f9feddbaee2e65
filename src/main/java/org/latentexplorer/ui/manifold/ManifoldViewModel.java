package org.latentexplorer.ui.manifold;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.FrameTimes;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.services.Pca;
import org.latentexplorer.sample.ImageTiles;
import org.latentexplorer.sample.Plane;
import org.latentexplorer.ui.shell.ErrorReporter;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.LatestWins;
import org.latentexplorer.ui.tasks.TaskExecutor;

/**
 * The manifold grid: an N×N grid of images decoded over a rectangle of a plane in latent space, and
 * the interpolation strip between two selected examples. The grid's cells lie on a lattice of the
 * plane and are decoded once ({@link TileLattice}); every change decodes the cells that come into view
 * as one batch off the UI thread, coalesced (latest wins), so a drag never queues up work.
 */
public final class ManifoldViewModel {
    /** How the plane is chosen when d > 2. */
    public enum PlaneMode {
        PRINCIPAL("Principal axes of the codes"),
        DIMS("Two latent dimensions"),
        PAIR("Line through two selected points");

        private final String text;

        PlaneMode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static final double DEFAULT_HALF = 4;
    public static final int STRIP_STEPS = 10;
    /** Cells a side of the grid: fewer says little, more decodes too many tiles to follow a drag. */
    public static final int MIN_GRID_SIZE = 5;
    public static final int MAX_GRID_SIZE = 40;
    /** Cells decoded beyond each side of the grid, so that a drag finds the next column already decoded. */
    static final int MARGIN = 1;

    private final TaskExecutor executor;
    private final Session session;
    private final ErrorReporter errors;
    private final IntegerProperty gridSize = new SimpleIntegerProperty(20);
    private final ObjectProperty<PlaneMode> mode = new SimpleObjectProperty<>(PlaneMode.DIMS);
    private final IntegerProperty dimA = new SimpleIntegerProperty(0);
    private final IntegerProperty dimB = new SimpleIntegerProperty(1);
    private final ObjectProperty<Plane> plane = new SimpleObjectProperty<>();
    private final ObjectProperty<GridImage> strip = new SimpleObjectProperty<>();
    private final StringProperty rangeText = new SimpleStringProperty("");
    private final StringProperty stripText = new SimpleStringProperty("Select two points on the map for an interpolation strip.");
    private final BooleanProperty pairAvailable = new SimpleBooleanProperty(false);
    private double u0;
    private double v0;
    private double half = DEFAULT_HALF;
    private TileLattice lattice;
    private final LatestWins<Fill, Filled> decoder;
    private final LongProperty revision = new SimpleLongProperty();
    private final FrameTimes decodeTimes = new FrameTimes();
    private long decodedCells;

    /** Decodes the cells of a block of the lattice that are not decoded yet. */
    private record Fill(TileLattice lattice, int k0, int k1, int l0, int l1) {
        Filled run() {
            long t0 = System.nanoTime();
            int count = lattice.fill(k0, k1, l0, l1);
            return new Filled(lattice, count, System.nanoTime() - t0);
        }
    }

    private record Filled(TileLattice lattice, int count, long nanos) {
    }

    /** The strip's codes, decoded and tiled. */
    private record Strip(ModelHandle model, float[][] codes, int cols) {
        GridImage run() {
            ImageShape shape = model.config().inputShape();
            int[] argb = GridMath.tile(model.decode(codes), shape, cols);
            ImageShape s = org.latentexplorer.ui.common.Raster.drawable(shape);
            int rows = (codes.length + cols - 1) / cols;
            return new GridImage(argb, cols * s.width(), rows * s.height());
        }
    }

    public ManifoldViewModel(TaskExecutor executor, Session session, ErrorReporter errors) {
        this.executor = executor;
        this.session = session;
        this.errors = errors;
        this.decoder = new LatestWins<>(executor, "manifold grid", Fill::run, this::filled, this::failed);
        session.workspaceProperty().addListener((o, a, w) -> onWorkspace(w));
        session.selectionProperty().addListener((o, a, s) -> {
            pairAvailable.set(s.length >= 2);
            updateStrip();
        });
        gridSize.addListener((o, a, b) -> redraw());
        mode.addListener((o, a, b) -> rebuildPlane());
        dimA.addListener((o, a, b) -> rebuildPlane());
        dimB.addListener((o, a, b) -> rebuildPlane());
        if (session.workspace() != null) {
            onWorkspace(session.workspace());
        }
    }

    private void failed(Throwable t) {
        if (!ErrorReporter.isCancellation(t) && session.workspace() != null) {
            errors.error("Could not decode the grid", ErrorReporter.describe(t));
        }
    }

    private void filled(Filled f) {
        if (f.count() > 0) {
            decodeTimes.add(f.nanos());
            decodedCells += f.count();
        }
        if (f.lattice() == lattice) {
            revision.set(revision.get() + 1);
            requestCells();
        }
    }

    private void onWorkspace(Workspace w) {
        lattice = null;
        revision.set(revision.get() + 1);
        strip.set(null);
        if (w == null) {
            return;
        }
        int d = w.model().latentDim();
        dimA.set(0);
        dimB.set(Math.min(1, d - 1));
        mode.set(d > 2 ? PlaneMode.PRINCIPAL : PlaneMode.DIMS);
        rebuildPlane();
        updateStrip();
    }

    /** Builds the plane for the current mode, centred as the mode says, and redraws. */
    public void rebuildPlane() {
        Workspace w = session.workspace();
        if (w == null) {
            return;
        }
        int d = w.model().latentDim();
        Plane p = switch (d < 2 ? PlaneMode.DIMS : mode.get()) {
            case PRINCIPAL -> Pca.principalPlane(w.codes());
            case DIMS -> {
                int a = Math.min(dimA.get(), d - 1);
                int b = Math.min(dimB.get(), d - 1);
                if (a == b) {
                    b = d == 1 ? a : (a + 1) % d;
                }
                Plane old = plane.get();
                float[] origin = old != null && old.dim() == d ? old.origin() : new float[d];
                yield d == 1 ? new Plane(origin, Plane.unit(d, 0), new float[1], "z1") : Plane.ofDims(origin, a, b);
            }
            case PAIR -> {
                try {
                    yield pairPlane(w);
                } catch (InputException e) {
                    errors.error("Cannot use that plane", e.getMessage());
                    mode.set(PlaneMode.PRINCIPAL);
                    yield null;
                }
            }
        };
        if (p == null) {
            return;
        }
        u0 = 0;
        v0 = 0;
        half = DEFAULT_HALF;
        lattice = null;
        plane.set(p);
        redraw();
    }

    private Plane pairPlane(Workspace w) {
        int[] sel = session.selection();
        if (sel.length < 2) {
            throw new InputException("select two points on the map first (click, then shift-click)");
        }
        return Plane.throughPair(w.codes()[sel[0]], w.codes()[sel[1]], w.codes(), "line #" + sel[0] + " → #" + sel[1]);
    }

    /** Centres the grid on the code of the first selected example. */
    public void centreOnSelection() {
        Workspace w = session.workspace();
        int[] sel = session.selection();
        if (w == null || sel.length == 0 || plane.get() == null) {
            return;
        }
        plane.set(plane.get().withOrigin(w.codes()[sel[0]]));
        u0 = 0;
        v0 = 0;
        redraw();
    }

    /** Sets latent coordinate {@code k} of the plane's origin (the sliders for the other dimensions). */
    public void setOriginCoordinate(int k, double value) {
        Plane p = plane.get();
        if (p == null || k < 0 || k >= p.dim()) {
            return;
        }
        float[] o = p.origin().clone();
        o[k] = (float) value;
        plane.set(p.withOrigin(o));
        redraw();
    }

    /**
     * Changes whenever the grid to show changes: a pan, a zoom, a new plane, or cells that finished
     * decoding. The view draws {@link #window()} on the next frame.
     */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    /** Moves the rectangle by (du, dv) plane units. */
    public void pan(double du, double dv) {
        u0 += du;
        v0 += dv;
        redraw();
    }

    /** Scales the rectangle's half-width by {@code factor} (&lt; 1 zooms in). */
    public void zoom(double factor) {
        half = Math.max(1e-3, Math.min(1e3, half * factor));
        redraw();
    }

    /** Moves by whole cells (arrow keys). */
    public void step(int cols, int rows) {
        double cell = 2 * half / Math.max(1, gridSize.get() - 1);
        pan(cols * cell, rows * cell);
    }

    public void reset() {
        u0 = 0;
        v0 = 0;
        half = DEFAULT_HALF;
        lattice = null;
        redraw();
    }

    /**
     * Moves to the nearest position where the cells lie on the lattice (less than half a cell away),
     * so that the grid at rest is exactly the n×n grid over its range (end of a drag).
     */
    public void settle() {
        TileLattice t = lattice;
        if (t == null) {
            return;
        }
        u0 = t.u(Math.round(t.column(u0, half))) + half;
        v0 = t.v(Math.round(t.row(v0, half))) - half;
        redraw();
    }

    public double halfSpan() {
        return half;
    }

    public double centreU() {
        return u0;
    }

    public double centreV() {
        return v0;
    }

    /**
     * Shows the grid at the current position: starts a new lattice when the cells' spacing, the plane or
     * the model changed, and decodes, in one batch on a worker, the cells in view that are not decoded
     * yet, then those of a ring of {@value #MARGIN} cell around them. A drag decodes only the rows and
     * columns that come into view, usually before they do.
     */
    public void redraw() {
        revision.set(revision.get() + 1);
        Workspace w = session.workspace();
        Plane p = plane.get();
        if (w == null || p == null) {
            return;
        }
        int n = Math.max(MIN_GRID_SIZE, Math.min(MAX_GRID_SIZE, gridSize.get()));
        rangeText.set(String.format(Locale.ROOT, "%s · u %.2f..%.2f · v %.2f..%.2f · %d×%d", p.description(),
                u0 - half, u0 + half, v0 - half, v0 + half, n, n));
        TileLattice t = lattice;
        if (t == null || !t.matches(w.model(), p, TileLattice.step(half, n), n)) {
            lattice = TileLattice.of(w.model(), p, u0, v0, half, n);
        }
        requestCells();
    }

    /** Decodes the cells in view if some are missing, else the ring around them if some are missing. */
    private void requestCells() {
        TileLattice t = lattice;
        if (t != null && !requestMissing(t, 0)) {
            requestMissing(t, MARGIN);
        }
    }

    /** Asks for the block of cells in view widened by {@code margin} when some are missing; says whether it asked. */
    private boolean requestMissing(TileLattice t, int margin) {
        int n = t.size();
        double col = t.column(u0, half);
        double row = t.row(v0, half);
        int k0 = (int) Math.floor(col) - margin;
        int l0 = (int) Math.floor(row) - margin;
        int k1 = (int) Math.ceil(col) + n - 1 + margin;
        int l1 = (int) Math.ceil(row) + n - 1 + margin;
        if (t.covers(k0, k1, l0, l1)) {
            return false;
        }
        decoder.request(new Fill(t, k0, k1, l0, l1));
        return true;
    }

    /** The part of the lattice to show now, or null when there is no model or plane. */
    public GridWindow window() {
        TileLattice t = lattice;
        return t == null ? null : new GridWindow(t, t.column(u0, half), t.row(v0, half));
    }

    /** Whether every cell in view is decoded. */
    public boolean complete() {
        GridWindow g = window();
        return g != null && g.complete();
    }

    /** The grid as shown now, one pixel per image pixel (export, tests), or null when there is none. */
    public GridImage snapshot() {
        GridWindow g = window();
        if (g == null) {
            return null;
        }
        ImageShape s = g.lattice().tileShape();
        GridCompositor c = new GridCompositor(g.lattice().size(), s, s.width(), s.height());
        c.draw(g);
        return new GridImage(c.pixels(), c.width(), c.height());
    }

    /** How long each batch of cells took to decode on the worker (benchmarks). */
    public FrameTimes decodeTimes() {
        return decodeTimes;
    }

    /** How many cells have been decoded since the view model was made (benchmarks, tests). */
    public long decodedCells() {
        return decodedCells;
    }

    private void updateStrip() {
        Workspace w = session.workspace();
        int[] sel = session.selection();
        if (w == null || sel.length < 2) {
            strip.set(null);
            stripText.set("Select two points on the map (click, then shift-click) for an interpolation strip.");
            return;
        }
        float[] a = w.codes()[sel[0]];
        float[] b = w.codes()[sel[1]];
        float[][] lin = org.latentexplorer.sample.LatentPaths.linear(a, b, STRIP_STEPS);
        float[][] sph = org.latentexplorer.sample.LatentPaths.spherical(a, b, STRIP_STEPS);
        float[][] both = new float[2 * STRIP_STEPS][];
        System.arraycopy(lin, 0, both, 0, STRIP_STEPS);
        System.arraycopy(sph, 0, both, STRIP_STEPS, STRIP_STEPS);
        stripText.set("#" + sel[0] + " → #" + sel[1] + ": linear (top), spherical (bottom)");
        Strip r = new Strip(w.model(), both, STRIP_STEPS);
        executor.submit("interpolation strip", false, (p, c) -> r.run(), strip::set, this::failed);
    }

    /**
     * Writes the grid (or the strip) as a PNG. The grid is decoded afresh at the current position, n×n
     * cells exactly, with the axes' values above the columns and left of the rows (as {@code grid}).
     */
    public void exportPng(Path file, boolean stripInstead) {
        Workspace w = session.workspace();
        Plane shown = plane.get();
        if (!stripInstead && w != null && shown != null) {
            int n = Math.max(MIN_GRID_SIZE, Math.min(MAX_GRID_SIZE, gridSize.get()));
            double u = u0, v = v0, h = half;
            executor.submit("Exporting " + file.getFileName(), true, (pr, c) -> {
                float[][] images = w.model().decode(shown.grid(u, v, h, n));
                ImageTiles.writePng(java.util.Arrays.asList(images), w.model().config().inputShape(), n,
                        shown.columnLabels(u, h, n), shown.rowLabels(v, h, n), file);
                return file;
            }, f -> session.statusProperty().set("Wrote " + f),
                    t -> errors.error("Could not export", ErrorReporter.describe(t)));
            return;
        }
        GridImage g = stripInstead ? strip.get() : snapshot();
        if (g == null) {
            return;
        }
        executor.submit("Exporting " + file.getFileName(), true, (p, c) -> {
            BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_ARGB);
            img.setRGB(0, 0, g.width(), g.height(), g.argb(), 0, g.width());
            org.latentexplorer.common.AtomicFiles.writePng(img, file);
            return file;
        }, f -> session.statusProperty().set("Wrote " + f), t -> errors.error("Could not export", ErrorReporter.describe(t)));
    }

    public IntegerProperty gridSizeProperty() {
        return gridSize;
    }

    public ObjectProperty<PlaneMode> modeProperty() {
        return mode;
    }

    public IntegerProperty dimAProperty() {
        return dimA;
    }

    public IntegerProperty dimBProperty() {
        return dimB;
    }

    public ObjectProperty<Plane> planeProperty() {
        return plane;
    }

    public ObjectProperty<GridImage> stripProperty() {
        return strip;
    }

    public StringProperty rangeTextProperty() {
        return rangeText;
    }

    public StringProperty stripTextProperty() {
        return stripText;
    }

    public BooleanProperty pairAvailableProperty() {
        return pairAvailable;
    }

    public Workspace workspace() {
        return session.workspace();
    }
}
