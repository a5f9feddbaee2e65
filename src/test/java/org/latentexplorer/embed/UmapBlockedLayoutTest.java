package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The layout that large maps use ({@link Umap#optimiseBlocked}): seeded, thread-independent, and as good. */
class UmapBlockedLayoutTest {
    private static final Blobs BLOBS = Blobs.make(5, 300, 10, 4);
    private static final int EPOCHS = 120;

    private static double[] flat() {
        float[][] c = BLOBS.codes();
        double[] x = new double[c.length * c[0].length];
        for (int i = 0; i < c.length; i++) {
            for (int d = 0; d < c[0].length; d++) {
                x[i * c[0].length + d] = c[i][d];
            }
        }
        return x;
    }

    private static float[][] layout(boolean blocked, int threads, java.util.List<EmbedProgress> reports) {
        double[] x = flat();
        int dim = BLOBS.codes()[0].length;
        ProgressGate gate = new ProgressGate(reports::add, org.latentexplorer.common.CancelToken.NONE);
        UmapGraph graph = UmapGraph.build(KnnGraph.exact(x, dim, 14, 1, gate), 15, EPOCHS);
        double[] ab = UmapGraph.fitAb(0.1, 1.0);
        double[] y = Umap.initialLayout(x, dim, 7);
        if (blocked) {
            try (Workers w = new Workers(threads)) {
                Umap.optimiseBlocked(graph, y, ab[0], ab[1], EPOCHS, 7, gate, w);
            }
        } else {
            Umap.optimise(graph.head(), graph.tail(), graph.weight(), y, y, true, ab[0], ab[1], EPOCHS, 1.0, 7, gate);
        }
        float[][] xy = new float[y.length / 2][];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = new float[]{(float) y[2 * i], (float) y[2 * i + 1]};
        }
        return xy;
    }

    @Test
    void theLayoutDependsOnTheSeedOnlyNotOnTheThreads() {
        assertThat(layout(true, 1, new java.util.ArrayList<>())).isDeepEqualTo(layout(true, 3, new java.util.ArrayList<>()));
    }

    @Test
    void blobsStaySeparatedAsWithTheSequentialLayout() {
        java.util.List<EmbedProgress> reports = new java.util.ArrayList<>();
        float[][] blocked = layout(true, 2, reports);
        float[][] sequential = layout(false, 1, new java.util.ArrayList<>());
        assertThat(java.util.Arrays.deepEquals(blocked, sequential)).isFalse();
        assertThat(Quality.knnAccuracy(blocked, BLOBS.labels(), 5)).isGreaterThanOrEqualTo(0.99);
        assertThat(Quality.knnAccuracy(sequential, BLOBS.labels(), 5)).isGreaterThanOrEqualTo(0.99);
        // Each blob as tight, relative to the map's size, as the sequential layout makes it.
        assertThat(spreadRatio(blocked)).isLessThan(2 * spreadRatio(sequential));
        assertThat(reports.getLast().iteration()).isEqualTo(EPOCHS);
        assertThat(reports.getLast().layout()).hasSize(2 * blocked.length);
    }

    /** Mean distance of points to their blob's centre over the spread of the blob centres. */
    private static double spreadRatio(float[][] xy) {
        int k = 5;
        double[][] c = new double[k][2];
        int[] count = new int[k];
        for (int i = 0; i < xy.length; i++) {
            int l = BLOBS.labels()[i];
            c[l][0] += xy[i][0];
            c[l][1] += xy[i][1];
            count[l]++;
        }
        double[] mean = new double[2];
        for (int l = 0; l < k; l++) {
            c[l][0] /= count[l];
            c[l][1] /= count[l];
            mean[0] += c[l][0] / k;
            mean[1] += c[l][1] / k;
        }
        double within = 0;
        for (int i = 0; i < xy.length; i++) {
            double[] cl = c[BLOBS.labels()[i]];
            within += Math.hypot(xy[i][0] - cl[0], xy[i][1] - cl[1]) / xy.length;
        }
        double between = 0;
        for (int l = 0; l < k; l++) {
            between += Math.hypot(c[l][0] - mean[0], c[l][1] - mean[1]) / k;
        }
        return within / between;
    }
}
