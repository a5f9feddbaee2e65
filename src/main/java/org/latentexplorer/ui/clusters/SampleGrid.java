package org.latentexplorer.ui.clusters;

import java.util.List;
import org.latentexplorer.data.ImageShape;

/**
 * A drawn grid of generated images: ARGB pixels ({@code width × height}, row-major) and the images
 * themselves, {@code cols} to a row, for export.
 *
 * @param computeNanos time spent sampling and drawing on the worker
 */
public record SampleGrid(int[] argb, int width, int height, int cols, List<float[]> images, ImageShape shape,
                         String caption, long computeNanos) {
}
