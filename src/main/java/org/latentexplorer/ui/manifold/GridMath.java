package org.latentexplorer.ui.manifold;

import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.Raster;

/** How the grid's and the strip's decoded images are tiled (their codes: sample/Plane, sample/LatentPaths). */
public final class GridMath {
    private GridMath() {
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
}
