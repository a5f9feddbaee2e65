package org.latentexplorer.ui.map;

import java.util.Arrays;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.ui.shell.ClusterSelection;
import org.latentexplorer.ui.tasks.Work;

/**
 * Each map point's most responsible cluster and how sure the model is of it: argmax_k and max_k of the
 * responsibilities, q(y|x) for a GMVAE (Sánchez Martín 2018, §4), the fitted mixture's posterior for
 * a plain VAE. Computed once per cluster model on a worker; the colours follow from it on the FX thread.
 *
 * @param source     the clusters these belong to
 * @param cluster    argmax cluster of each point
 * @param confidence its responsibility, in [1/K, 1]
 */
record ClusterColours(ClusterSelection.Loaded source, int[] cluster, float[] confidence) {
    /** Rows per call: the model's lock is let go between blocks, so a click on a cluster never waits long. */
    static final int BLOCK = 256;

    /** Responsibilities of every example of {@code data} ({@code codes}: their posterior means), block by block. */
    static ClusterColours compute(ClusterSelection.Loaded source, Dataset data, float[][] codes,
                                  Work.Progress progress, CancelToken cancel) {
        int n = data.size();
        int[] cluster = new int[n];
        float[] confidence = new float[n];
        for (int from = 0; from < n; from += BLOCK) {
            cancel.check();
            int to = Math.min(n, from + BLOCK);
            float[][] r;
            synchronized (source.model()) {
                r = source.clusters().responsibilities(data.rows(from, to), Arrays.copyOfRange(codes, from, to));
            }
            int[] best = ClusterMetrics.argmax(r);
            for (int i = 0; i < r.length; i++) {
                cluster[from + i] = best[i];
                confidence[from + i] = r[i][best[i]];
            }
            progress.update(to / (double) n, to + " of " + n + " points");
        }
        return new ClusterColours(source, cluster, confidence);
    }

    /**
     * {@code argb} faded toward the map's background by the point's certainty: full colour at
     * responsibility 1, a fifth of it at 1/K (a point the model cannot place). Opaque, so the renderer
     * writes it as it is.
     */
    static int shade(int argb, float confidence, int k) {
        double floor = 1.0 / Math.max(2, k);
        double t = Math.clamp((confidence - floor) / (1 - floor), 0, 1);
        return mix(argb, MapRenderer.BACKGROUND, 0.2 + 0.8 * t);
    }

    /** {@code a·w + b·(1 − w)} channel by channel, opaque. */
    static int mix(int a, int b, double w) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * w + ((b >> 16) & 0xFF) * (1 - w));
        int g = (int) Math.round(((a >> 8) & 0xFF) * w + ((b >> 8) & 0xFF) * (1 - w));
        int bl = (int) Math.round((a & 0xFF) * w + (b & 0xFF) * (1 - w));
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }
}
