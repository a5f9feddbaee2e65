package org.latentexplorer.ui.map;

import java.util.Arrays;

/**
 * Draws the map's points into an ARGB buffer. One pass over the points with square markers written
 * straight into the int array: 70,000 points cost a few milliseconds, far less than drawing them as
 * Canvas shapes (see docs/benchmarks-ui.md).
 */
public final class MapRenderer {
    public static final int BACKGROUND = 0xFFFAFAFA;
    private static final int SELECTED_RING = 0xFF000000;
    private static final int DIMMED = 0xFFD8D8D8;
    /** Up to this many selected points are drawn large; more get a thin ring. */
    static final int FEW_SELECTED = 50;
    /** The ring of a marked point (a neighbour of the clicked one): a magenta no label or cluster colour uses. */
    public static final int MARK = 0xFFE8198B;

    private MapRenderer() {
    }

    /**
     * @param colour   ARGB colour of each point
     * @param visible  whether each point is drawn (hidden classes), or null for all
     * @param selected selected points, drawn last and larger with a ring, or null
     * @param dimOthers draw unselected points grey (a selection is active)
     */
    public static void render(int[] argb, Viewport v, float[] x, float[] y, int[] colour, boolean[] visible,
                              int[] selected, boolean dimOthers) {
        render(argb, v, x, y, colour, visible, null, selected, dimOthers);
    }

    /**
     * As above, with {@code front}: points drawn a second time after all the others (the selected
     * clusters' points, so that no crowd of other points covers them), or null.
     */
    public static void render(int[] argb, Viewport v, float[] x, float[] y, int[] colour, boolean[] visible,
                              int[] front, int[] selected, boolean dimOthers) {
        render(argb, v, x, y, colour, visible, front, null, selected, dimOthers);
    }

    /**
     * As above, with {@code marked}: points ringed in {@link #MARK} (the clicked point's neighbours), drawn
     * after the others and before the selected ones, or null.
     */
    public static void render(int[] argb, Viewport v, float[] x, float[] y, int[] colour, boolean[] visible,
                              int[] front, int[] marked, int[] selected, boolean dimOthers) {
        int w = v.width();
        int h = v.height();
        Arrays.fill(argb, 0, w * h, BACKGROUND);
        int n = x.length;
        // Points shrink as they multiply: 5×5 pixels up to 20,000, 3×3 up to 250,000, then one pixel each
        // (a million 3×3 squares overdraw a 1200×800 plot nine times and miss the 16 ms frame).
        int r = n > 250_000 ? 0 : n > 20_000 ? 1 : 2;
        double s = v.scale();
        double ox = w / 2.0 - v.cx() * s;
        double oy = h / 2.0 + v.cy() * s;
        if (r == 0) {
            for (int i = 0; i < n; i++) {
                if (visible != null && !visible[i]) {
                    continue;
                }
                int px = (int) Math.floor(x[i] * s + ox);
                int py = (int) Math.floor(oy - y[i] * s);
                if (px >= 0 && py >= 0 && px < w && py < h) {
                    argb[py * w + px] = dimOthers ? DIMMED : colour[i];
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (visible != null && !visible[i]) {
                    continue;
                }
                int px = (int) (x[i] * s + ox);
                int py = (int) (oy - y[i] * s);
                square(argb, w, h, px, py, r, dimOthers ? DIMMED : colour[i]);
            }
        }
        if (front != null) {
            for (int i : front) {
                square(argb, w, h, (int) (x[i] * s + ox), (int) (oy - y[i] * s), r, colour[i]);
            }
        }
        if (marked != null) {
            for (int i : marked) {
                if (visible != null && !visible[i]) {
                    continue;
                }
                int px = (int) (x[i] * s + ox);
                int py = (int) (oy - y[i] * s);
                square(argb, w, h, px, py, r + 3, MARK);
                square(argb, w, h, px, py, r + 1, colour[i]);
            }
        }
        if (selected != null) {
            // A few points: large, so each can be found. Many (a box, a class): a thin ring on each, so
            // the region stays readable instead of turning into a crowd of overlapping squares.
            int grow = selected.length > FEW_SELECTED ? 0 : 2;
            for (int i : selected) {
                if (visible != null && !visible[i]) {
                    continue;
                }
                int px = (int) (x[i] * s + ox);
                int py = (int) (oy - y[i] * s);
                // Black ring, white gap, the point's colour: visible on any crowd of points.
                square(argb, w, h, px, py, r + 2 + grow, SELECTED_RING);
                square(argb, w, h, px, py, r + 1 + grow, 0xFFFFFFFF);
                square(argb, w, h, px, py, r + grow, colour[i]);
            }
        }
    }

    private static void square(int[] argb, int w, int h, int px, int py, int r, int c) {
        if (px < -r || py < -r || px >= w + r || py >= h + r) {
            return;
        }
        int x0 = Math.max(0, px - r);
        int x1 = Math.min(w - 1, px + r);
        int y0 = Math.max(0, py - r);
        int y1 = Math.min(h - 1, py + r);
        for (int yy = y0; yy <= y1; yy++) {
            int row = yy * w;
            for (int xx = x0; xx <= x1; xx++) {
                argb[row + xx] = c;
            }
        }
    }

    /** Index of the visible point nearest to screen point (sx, sy) within {@code radius} pixels, or -1. */
    public static int nearest(Viewport v, float[] x, float[] y, boolean[] visible, double sx, double sy, double radius) {
        double dx0 = v.toDataX(sx);
        double dy0 = v.toDataY(sy);
        double r = radius / v.scale();
        double best = r * r;
        int found = -1;
        for (int i = 0; i < x.length; i++) {
            if (visible != null && !visible[i]) {
                continue;
            }
            double dx = x[i] - dx0;
            double dy = y[i] - dy0;
            double d = dx * dx + dy * dy;
            if (d <= best) {
                best = d;
                found = i;
            }
        }
        return found;
    }
}
