package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BarnesHutTsneTest {

    @Test
    void quadTreeWithThetaZeroIsTheExactRepulsion() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 200;
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextGaussian() * 3;
        }
        y[2] = y[0]; // a duplicate point
        y[3] = y[1];
        QuadTree tree = new QuadTree(16);
        tree.build(y);
        for (int i = 0; i < n; i++) {
            double sumQ = 0;
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy);
                sumQ += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
            double[] f = new double[2];
            double s = tree.repulsion(y[2 * i], y[2 * i + 1], 0, f, new int[QuadTree.STACK]);
            assertThat(s).isCloseTo(sumQ, within(1e-9));
            assertThat(f[0]).isCloseTo(fx, within(1e-9));
            assertThat(f[1]).isCloseTo(fy, within(1e-9));
        }
    }

    @Test
    void barnesHutMatchesSmilesExactTsneOnSmallData() {
        Blobs b = Blobs.make(4, 50, 8, 11);
        TsneOptions exact = new TsneOptions(15, 500, 0, 12, 0.5, 400, 4);
        TsneOptions bh = new TsneOptions(15, 500, 0, 12, 0.5, 0, 4);
        Embedding e = Embeddings.fit(b.codes(), exact, null, null);
        Embedding h = Embeddings.fit(b.codes(), bh, null, null);

        double te = Quality.trustworthiness(b.codes(), e.xy(), 10);
        double th = Quality.trustworthiness(b.codes(), h.xy(), 10);
        assertThat(th).isCloseTo(te, within(0.02));
        assertThat(Quality.knnAccuracy(h.xy(), b.labels(), 5))
                .isCloseTo(Quality.knnAccuracy(e.xy(), b.labels(), 5), within(0.02));
        // The neighbourhood each point keeps agrees too: most 10-NN on one map are 10-NN on the other.
        assertThat(sharedNeighbours(e.xy(), h.xy(), 10)).isGreaterThan(0.45);
        assertThat(h.cost()).isFinite().isPositive();
    }

    private static double sharedNeighbours(float[][] a, float[][] b, int k) {
        KnnGraph ka = KnnGraph.exact(Embeddings.flatten(a, "a"), 2, k, 1, new ProgressGate(null, null));
        KnnGraph kb = KnnGraph.exact(Embeddings.flatten(b, "b"), 2, k, 1, new ProgressGate(null, null));
        int shared = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s < k; s++) {
                for (int t = 0; t < k; t++) {
                    if (ka.idx()[i * k + s] == kb.idx()[i * k + t]) {
                        shared++;
                    }
                }
            }
        }
        return shared / (double) (a.length * k);
    }

    @Test
    void vpTreeFindsTheExactNeighbours() {
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 500;
        int dim = 6;
        double[] x = new double[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        KnnGraph g = KnnGraph.exact(x, dim, 7, 3, new ProgressGate(null, null));
        for (int i = 0; i < n; i += 17) {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < dim; c++) {
                    s += (x[i * dim + c] - x[j * dim + c]) * (x[i * dim + c] - x[j * dim + c]);
                }
                d[j] = j == i ? Double.POSITIVE_INFINITY : Math.sqrt(s);
            }
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            for (int t = 0; t < 7; t++) {
                assertThat(g.dist()[i * 7 + t]).isCloseTo(sorted[t], within(1e-12));
            }
        }
    }

    @Test
    void umapCurveParametersMatchUmapLearn() {
        double[] ab = UmapGraph.fitAb(0.1, 1.0);
        assertThat(ab[0]).isCloseTo(1.577, within(0.01)); // umap-learn find_ab_params(1.0, 0.1)
        assertThat(ab[1]).isCloseTo(0.895, within(0.005));
    }

    @Test
    void layoutDoesNotDependOnTheThreadCount() {
        double[] x = Embeddings.flatten(Blobs.make(6, 500, 10, 8).codes(), "codes");
        TsneOptions o = new TsneOptions(20, 300, 0, 12, 0.5, 0, 5);
        KnnGraph knn = KnnGraph.exact(x, 10, 60, 5, new ProgressGate(null, null));
        TsneAffinities p = TsneAffinities.symmetric(knn, TsneAffinities.conditional(knn, 20));
        double[] one = BarnesHutTsne.initialLayout(x, 10);
        double[] three = one.clone();
        double klOne;
        double klThree;
        try (Workers w = new Workers(1)) {
            klOne = BarnesHutTsne.optimise(p, one, o, new ProgressGate(null, null), w);
        }
        try (Workers w = new Workers(3)) {
            klThree = BarnesHutTsne.optimise(p, three, o, new ProgressGate(null, null), w);
        }
        assertThat(three).isEqualTo(one);
        assertThat(klThree).isEqualTo(klOne);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameMapThroughTheFrontDoor() {
        // At least PARALLEL_FROM points, so that the threads option is actually used.
        float[][] codes = Blobs.make(5, BarnesHutTsne.PARALLEL_FROM / 5, 8, 2).codes();
        TsneOptions o = new TsneOptions(10, 60, 0, 12, 0.5, 0, 3);
        Embedding one = Embeddings.fit(codes, o.withThreads(1), null, null);
        Embedding two = Embeddings.fit(codes, o.withThreads(2), null, null);
        assertThat(two.xy()).isDeepEqualTo(one.xy());
        assertThat(o.withThreads(2).parameters()).isEqualTo(o.parameters()); // same cache entry
    }
}
