package org.latentexplorer.ui.inpaint;

/**
 * The uncertainty map's colours: black → red → yellow → white, one ramp for the screen, its colour
 * bar and the exported sheet, so the three always agree.
 */
final class Heat {
    private Heat() {
    }

    /** Opaque ARGB for {@code value} on a scale from 0 to {@code max} (clamped). */
    static int argb(double value, double max) {
        double t = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
        int r = (int) (255 * Math.min(1, 3 * t));
        int g = (int) (255 * Math.max(0, Math.min(1, 3 * t - 1)));
        int b = (int) (255 * Math.max(0, Math.min(1, 3 * t - 2)));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** A {@code w} × {@code h} map of {@code std} (first channel) on 0..{@code max}, row-major ARGB. */
    static int[] map(float[] std, int w, int h, double max) {
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = argb(std[i], max);
        }
        return argb;
    }

    /** A vertical bar, hottest at the top, {@code w} × {@code h} ARGB. */
    static int[] bar(int w, int h) {
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            int c = argb(h - 1 - y, h - 1);
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = c;
            }
        }
        return argb;
    }
}
