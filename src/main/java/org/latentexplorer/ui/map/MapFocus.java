package org.latentexplorer.ui.map;

import java.util.Arrays;
import org.latentexplorer.ui.services.Projection;

/**
 * What the map narrows itself to, apart from the legend: the points isolated (shown alone), the points the
 * layout was computed from when a selection was re-projected alone, and the points marked as the clicked
 * point's neighbours. Plain arrays, no JavaFX: {@link MapViewModel} owns one and draws from it.
 */
final class MapFocus {
    /** Per-point: shown while isolated; null when nothing is isolated. */
    private boolean[] isolated;
    /** Sorted indices of the points the current layout was computed from; null: all of them. */
    private int[] only;
    private int[] marked = new int[0];
    /** The layout of every point shown before a selection was laid out alone, to go back to. */
    private Projection before;

    void reset() {
        isolated = null;
        only = null;
        before = null;
        marked = new int[0];
    }

    /** Shows only {@code indices} of {@code n} points (null: all again). */
    void isolate(int[] indices, int n) {
        if (indices == null) {
            isolated = null;
            return;
        }
        isolated = new boolean[n];
        for (int i : indices) {
            if (i >= 0 && i < n) {
                isolated[i] = true;
            }
        }
    }

    boolean isIsolated() {
        return isolated != null;
    }

    /** The next layouts are of {@code indices} alone (null: of every point). */
    void layOutOnly(int[] indices) {
        only = indices == null ? null : Arrays.stream(indices).distinct().sorted().toArray();
    }

    int[] only() {
        return only;
    }

    /** Keeps {@code p} (a layout of every point) to show again when the selection's own layout ends. */
    void keep(Projection p) {
        before = p;
    }

    /** The kept layout, forgotten as it is returned. */
    Projection takeKept() {
        Projection p = before;
        before = null;
        return p;
    }

    void mark(int[] indices) {
        marked = indices == null ? new int[0] : indices.clone();
    }

    int[] marked() {
        return marked;
    }

    /** The rows of {@code codes} the layout is computed from. */
    float[][] codes(float[][] codes) {
        if (only == null) {
            return codes;
        }
        float[][] out = new float[only.length][];
        for (int t = 0; t < only.length; t++) {
            out[t] = codes[only[t]];
        }
        return out;
    }

    /**
     * A layout of the {@link #only} points spread back over all {@code n}: the others get no place (NaN),
     * and are hidden by the isolation that goes with such a layout.
     */
    Projection expand(Projection p, int n) {
        if (only == null || p.size() == n || p.size() != only.length) {
            return p;
        }
        float[] x = new float[n];
        float[] y = new float[n];
        Arrays.fill(x, Float.NaN);
        Arrays.fill(y, Float.NaN);
        for (int t = 0; t < only.length; t++) {
            x[only[t]] = p.x()[t];
            y[only[t]] = p.y()[t];
        }
        return new Projection(p.method(), p.params() + " · of " + only.length + " selected points alone", x, y,
                p.inverse());
    }

    /** {@code visible} narrowed to the isolated points (either may be null: all shown). */
    boolean[] restrict(boolean[] visible) {
        if (isolated == null) {
            return visible;
        }
        boolean[] v = isolated.clone();
        if (visible != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] &= visible[i];
            }
        }
        return v;
    }

    /** The points of {@code front} that {@code visible} shows (front is drawn without looking). */
    static int[] shown(int[] front, boolean[] visible) {
        return front == null || visible == null ? front : Arrays.stream(front).filter(i -> visible[i]).toArray();
    }
}
