package org.latentexplorer.ui.clusters;

import java.util.Arrays;
import java.util.List;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.ui.common.Raster;

/**
 * A grid of generated images, {@code cols} to a row with a one-pixel white gap, ink on white as
 * elsewhere. The view draws it straight into the pixels of the image it shows ({@link #drawInto}), so
 * that a new grid costs no new image or pixel array.
 *
 * @param computeNanos   time spent sampling and decoding on the worker
 * @param columnClusters the cluster each column shows, when the columns are clusters ("fix w, vary the
 *                       cluster"); empty otherwise. Indices, not names: a rename must not need a new grid.
 */
public record SampleGrid(List<float[]> images, ImageShape shape, int cols, String caption, long computeNanos,
                         List<Integer> columnClusters) {

    public SampleGrid {
        images = List.copyOf(images);
        columnClusters = List.copyOf(columnClusters);
        if (!columnClusters.isEmpty() && columnClusters.size() != cols) {
            throw new IllegalArgumentException(cols + " columns, " + columnClusters.size() + " column clusters");
        }
    }

    /** A grid whose columns are not clusters. */
    public SampleGrid(List<float[]> images, ImageShape shape, int cols, String caption, long computeNanos) {
        this(images, shape, cols, caption, computeNanos, List.of());
    }

    private ImageShape tile() {
        return Raster.drawable(shape);
    }

    private int rows() {
        return Math.max(1, (images.size() + cols - 1) / cols);
    }

    public int width() {
        return cols * (tile().width() + 1) - 1;
    }

    public int height() {
        return rows() * (tile().height() + 1) - 1;
    }

    /** Draws the grid into {@code argb}, {@link #width()} pixels to a row (at least width × height long). */
    public void drawInto(int[] argb) {
        ImageShape s = tile();
        int w = width();
        Arrays.fill(argb, 0, w * height(), 0xFFFFFFFF);
        for (int i = 0; i < images.size(); i++) {
            float[] v = images.get(i).length == s.size() ? images.get(i) : Arrays.copyOf(images.get(i), s.size());
            Raster.blit(v, s, argb, w, (i % cols) * (s.width() + 1), (i / cols) * (s.height() + 1));
        }
    }

    /** The grid's pixels in a new array (tests, exports). */
    public int[] argb() {
        int[] argb = new int[width() * height()];
        drawInto(argb);
        return argb;
    }
}
