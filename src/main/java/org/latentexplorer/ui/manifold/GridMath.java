package org.latentexplorer.ui.manifold;

import org.latentexplorer.data.ImageShape;
import org.latentexplorer.sample.LatentPaths;
import org.latentexplorer.ui.common.Raster;
import org.latentexplorer.sample.Plane;

/** Where the grid's and the strip's codes lie, and how their decoded images are tiled. */
public final class GridMath {
    private GridMath() {
    }

    /**
     * The n×n codes of the grid over [u0−half, u0+half] × [v0−half, v0+half] of the plane, row by row from
     * the top (largest v) as in Kingma &amp; Welling (2014, Fig. 4) and Chen (2020, Fig. 4.4): the end
     * points are included, like {@code linspace(-4, 4, n)}.
     */
    public static float[][] gridCodes(Plane plane, double u0, double v0, double half, int n) {
        return plane.grid(u0, v0, half, n);
    }

    /** Tiles {@code images} (row-major, {@code cols} per row) into one ARGB buffer. */
    public static int[] tile(float[][] images, ImageShape shape, int cols) {
        ImageShape s = Raster.drawable(shape);
        int rows = (images.length + cols - 1) / cols;
        int stride = cols * s.width();
        int[] argb = new int[stride * rows * s.height()];
        java.util.Arrays.fill(argb, 0xFFFFFFFF);
        for (int i = 0; i < images.length; i++) {
            float[] v = images[i].length == s.size() ? images[i] : java.util.Arrays.copyOf(images[i], s.size());
            Raster.blit(v, s, argb, stride, (i % cols) * s.width(), (i / cols) * s.height());
        }
        return argb;
    }

    /** {@code steps} codes on the segment from a to b (end points included); see {@link LatentPaths#linear}. */
    public static float[][] linear(float[] a, float[] b, int steps) {
        return LatentPaths.linear(a, b, steps);
    }

    /** Spherical interpolation from a to b; see {@link LatentPaths#spherical}. */
    public static float[][] spherical(float[] a, float[] b, int steps) {
        return LatentPaths.spherical(a, b, steps);
    }
}
