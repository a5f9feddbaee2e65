package org.latentexplorer.ui.manifold;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.sample.Plane;

/**
 * The decoded cells of the manifold grid on one lattice of the plane: cell (k, l) is the image decoded
 * at u = u00 + k·step, v = v00 − l·step (l counts rows downwards, as the grid is drawn). Dragging slides
 * the grid's window over the lattice, so only the cells that come into view need decoding; the others
 * are kept here as ARGB tiles. A zoom, a new grid size or a new plane starts a new, empty lattice.
 * <p>
 * The tiles live in a torus of {@code span × span} slots, cell (k, l) in slot (k mod span, l mod
 * span): a lookup is an array index (no hashing or boxing on the UI thread's per-frame path), and a
 * cell is forgotten when one {@code span} cells away takes its slot. Tiles are written by the decoding
 * worker ({@link #fill}) and read by the UI thread ({@link #tile}).
 */
public final class TileLattice {
    private final ModelHandle model;
    private final Plane plane;
    private final double u00;
    private final double v00;
    private final double step;
    private final int n;
    private final ImageShape tileShape;
    private final int span;
    private final AtomicReferenceArray<Tile> slots;

    private record Tile(int k, int l, int[] argb) {
    }

    /**
     * The lattice of an n×n grid of {@code model}'s images whose top-left cell is at (u00, v00) of
     * {@code plane} and whose cells are {@code step} apart.
     */
    public TileLattice(ModelHandle model, Plane plane, double u00, double v00, double step, int n) {
        this.model = model;
        this.plane = plane;
        this.u00 = u00;
        this.v00 = v00;
        this.step = step;
        this.n = n;
        this.tileShape = Raster.drawable(model.config().inputShape());
        // Room for the grid, a ring around it, and a few cells of the way back.
        this.span = n + 12;
        this.slots = new AtomicReferenceArray<>(span * span);
    }

    /**
     * The lattice of the n×n grid over [u0 − half, u0 + half] × [v0 − half, v0 + half], end points
     * included like {@code linspace(u0 − half, u0 + half, n)}: the cells are 2·half/(n − 1) apart.
     */
    public static TileLattice of(ModelHandle model, Plane plane, double u0, double v0, double half, int n) {
        return new TileLattice(model, plane, u0 - half, v0 + half, step(half, n), n);
    }

    /** The distance between the cells of an n×n grid of half-width {@code half}. */
    public static double step(double half, int n) {
        return n <= 1 ? 2 * half : 2 * half / (n - 1);
    }

    /** Whether this lattice is the one of an n×n grid of {@code model} on {@code plane} with cells {@code step} apart. */
    public boolean matches(ModelHandle model, Plane plane, double step, int n) {
        return this.model == model && this.plane == plane && this.step == step && this.n == n;
    }

    public Plane plane() {
        return plane;
    }

    public double step() {
        return step;
    }

    /** Cells per side of the grid shown. */
    public int size() {
        return n;
    }

    /** The pixel shape of one tile. */
    public ImageShape tileShape() {
        return tileShape;
    }

    /** The lattice column (fractional) of the left column of the grid centred at u0 with half-width half. */
    public double column(double u0, double half) {
        return (u0 - half - u00) / step;
    }

    /** The lattice row (fractional) of the top row of the grid centred at v0 with half-height half. */
    public double row(double v0, double half) {
        return (v00 - (v0 + half)) / step;
    }

    /** The plane coordinate u of column k. */
    public double u(double k) {
        return u00 + k * step;
    }

    /** The plane coordinate v of row l. */
    public double v(double l) {
        return v00 - l * step;
    }

    private int slot(int k, int l) {
        return Math.floorMod(l, span) * span + Math.floorMod(k, span);
    }

    /** The ARGB tile of cell (k, l), or null when it is not decoded (or no longer kept). */
    public int[] tile(int k, int l) {
        Tile t = slots.get(slot(k, l));
        return t != null && t.k() == k && t.l() == l ? t.argb() : null;
    }

    /** Whether every cell of columns k0..k1 and rows l0..l1 is decoded. */
    public boolean covers(int k0, int k1, int l0, int l1) {
        for (int l = l0; l <= l1; l++) {
            for (int k = k0; k <= k1; k++) {
                if (tile(k, l) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Decodes, in one batch, the cells of columns k0..k1 and rows l0..l1 that are missing. Runs on a
     * worker; the block must fit in the torus ({@code span} cells a side).
     *
     * @return how many cells were decoded
     */
    public int fill(int k0, int k1, int l0, int l1) {
        if (k1 - k0 >= span || l1 - l0 >= span) {
            throw new IllegalArgumentException("a block of " + (k1 - k0 + 1) + "×" + (l1 - l0 + 1)
                    + " cells does not fit a lattice kept " + span + " cells a side");
        }
        int[][] missing = new int[(k1 - k0 + 1) * (l1 - l0 + 1)][];
        int count = 0;
        for (int l = l0; l <= l1; l++) {
            for (int k = k0; k <= k1; k++) {
                if (tile(k, l) == null) {
                    missing[count++] = new int[] {k, l};
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        float[][] codes = new float[count][];
        for (int i = 0; i < count; i++) {
            codes[i] = plane.point(u(missing[i][0]), v(missing[i][1]));
        }
        float[][] images = model.decode(codes);
        int w = tileShape.width();
        for (int i = 0; i < count; i++) {
            float[] values = images[i].length == tileShape.size() ? images[i]
                    : java.util.Arrays.copyOf(images[i], tileShape.size());
            int[] argb = new int[w * tileShape.height()];
            Raster.blit(values, tileShape, argb, w, 0, 0);
            slots.set(slot(missing[i][0], missing[i][1]), new Tile(missing[i][0], missing[i][1], argb));
        }
        return count;
    }
}
