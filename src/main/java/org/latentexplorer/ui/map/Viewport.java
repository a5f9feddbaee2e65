package org.latentexplorer.ui.map;

/**
 * Maps layout coordinates to screen pixels: a centre, a scale in pixels per unit and the screen
 * size. The y axis points up on screen, as in a plot. Immutable: pan and zoom return new viewports.
 */
public record Viewport(double cx, double cy, double scale, int width, int height) {

    public double toScreenX(double x) {
        return (x - cx) * scale + width / 2.0;
    }

    public double toScreenY(double y) {
        return height / 2.0 - (y - cy) * scale;
    }

    public double toDataX(double sx) {
        return (sx - width / 2.0) / scale + cx;
    }

    public double toDataY(double sy) {
        return (height / 2.0 - sy) / scale + cy;
    }

    /** Moves the content by ({@code dx}, {@code dy}) screen pixels. */
    public Viewport pan(double dx, double dy) {
        return new Viewport(cx - dx / scale, cy + dy / scale, scale, width, height);
    }

    /** Zooms by {@code factor} keeping the point under ({@code sx}, {@code sy}) fixed. */
    public Viewport zoom(double factor, double sx, double sy) {
        double f = Math.max(1e-6 / scale, Math.min(factor, 1e9 / scale));
        double x = toDataX(sx);
        double y = toDataY(sy);
        double s = scale * f;
        return new Viewport(x - (sx - width / 2.0) / s, y + (sy - height / 2.0) / s, s, width, height);
    }

    public Viewport resize(int w, int h) {
        return new Viewport(cx, cy, scale, Math.max(1, w), Math.max(1, h));
    }

    /** The viewport that shows all points with a margin. */
    public static Viewport fit(float[] x, float[] y, int width, int height) {
        return fit(x, y, null, width, height);
    }

    /** The viewport that shows the points {@code visible} shows (null: all) with a margin. */
    public static Viewport fit(float[] x, float[] y, boolean[] visible, int width, int height) {
        float minX = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Float.isFinite(x[i]) && Float.isFinite(y[i]) && (visible == null || visible[i])) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        if (minX > maxX) {
            return new Viewport(0, 0, 50, Math.max(1, width), Math.max(1, height));
        }
        double spanX = Math.max(1e-6, maxX - minX);
        double spanY = Math.max(1e-6, maxY - minY);
        double scale = 0.9 * Math.min(width / spanX, height / spanY);
        return new Viewport((minX + maxX) / 2.0, (minY + maxY) / 2.0, scale, Math.max(1, width), Math.max(1, height));
    }
}
