package org.latentexplorer.embed;

/**
 * One progress report of a running embedding.
 *
 * @param stage     what is running: {@code "neighbours"}, {@code "affinities"}, {@code "layout"}
 * @param iteration iterations (or epochs) done in this stage
 * @param total     iterations (or epochs) of this stage
 * @param cost      the current objective where known (t-SNE: KL divergence), else {@code NaN}
 * @param layout    a copy of the current 2-D layout as {@code x0, y0, x1, y1, …}, or {@code null} when
 *                  the stage has none yet; the receiver owns it
 */
public record EmbedProgress(String stage, int iteration, int total, double cost, float[] layout) {
    /** Fraction of this stage done, 0 to 1. */
    public double fraction() {
        return total <= 0 ? 1 : Math.min(1, (double) iteration / total);
    }
}
