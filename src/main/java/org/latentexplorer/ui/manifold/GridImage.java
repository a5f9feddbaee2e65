package org.latentexplorer.ui.manifold;

/**
 * A rendered grid or strip: ARGB pixels, row-major, {@code width × height}, and the rectangle of the
 * plane it shows (centre u0, v0 and half-width), so the view can shift and scale it while the next
 * grid is decoded.
 */
public record GridImage(int[] argb, int width, int height, long requestId, long decodeNanos, double u0, double v0,
                        double half) {
}
