package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NnDescentTest {
    private static final ProgressGate NO_GATE = new ProgressGate(null, null);

    /** 4,000 points in 12-D: 20 overlapping Gaussian blobs, so neighbours are not trivial to find. */
    private static double[] points() {
        return Embeddings.flatten(Blobs.make(20, 200, 12, 5).codes(), "codes");
    }

    @Test
    void findsMostOfTheExactNeighbours() {
        double[] x = points();
        int k = 15;
        KnnGraph exact = KnnGraph.exact(x, 12, k, 1, NO_GATE);
        KnnGraph approx = NnDescent.build(x, 12, k, 1, NO_GATE);

        assertThat(recall(exact, approx)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void listsAreSortedTrueDistancesWithoutSelfOrRepeats() {
        double[] x = points();
        int k = 10;
        KnnGraph g = NnDescent.build(x, 12, k, 3, NO_GATE);
        assertThat(g.n()).isEqualTo(4000);
        for (int p = 0; p < g.n(); p++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int t = 0; t < k; t++) {
                int q = g.idx()[p * k + t];
                assertThat(q).isNotEqualTo(p).isBetween(0, g.n() - 1);
                assertThat(seen.add(q)).as("point %d lists %d twice", p, q).isTrue();
                double d = 0;
                for (int c = 0; c < 12; c++) {
                    d += (x[p * 12 + c] - x[q * 12 + c]) * (x[p * 12 + c] - x[q * 12 + c]);
                }
                assertThat(g.dist()[p * k + t]).isCloseTo(Math.sqrt(d), org.assertj.core.data.Offset.offset(1e-9));
                if (t > 0) {
                    assertThat(g.dist()[p * k + t]).isGreaterThanOrEqualTo(g.dist()[p * k + t - 1]);
                }
            }
        }
    }

    @Test
    void sameSeedGivesSameGraph() {
        double[] x = points();
        KnnGraph a = NnDescent.build(x, 12, 8, 11, NO_GATE);
        KnnGraph b = NnDescent.build(x, 12, 8, 11, NO_GATE);
        assertThat(a.idx()).isEqualTo(b.idx());
        assertThat(a.dist()).isEqualTo(b.dist());
    }

    @Test
    void graphDoesNotDependOnTheThreadCount() {
        // 5,000 points: the local join runs in several batches of blocks.
        double[] x = Embeddings.flatten(Blobs.make(5, 1000, 12, 9).codes(), "codes");
        KnnGraph one;
        KnnGraph three;
        try (Workers w = new Workers(1)) {
            one = NnDescent.build(x, 12, 15, 4, NO_GATE, w);
        }
        try (Workers w = new Workers(3)) {
            three = NnDescent.build(x, 12, 15, 4, NO_GATE, w);
        }
        assertThat(three.idx()).isEqualTo(one.idx());
        assertThat(three.dist()).isEqualTo(one.dist());
        assertThat(recall(KnnGraph.exact(x, 12, 15, 1, NO_GATE), one)).isGreaterThan(0.95);
    }

    @Test
    void duplicatePointsAreNeighboursAtDistanceZero() {
        // 300 distinct points, each present twice: every point's nearest neighbour is its twin.
        float[][] base = Blobs.make(3, 100, 5, 2).codes();
        float[][] twice = new float[600][];
        for (int i = 0; i < 300; i++) {
            twice[i] = base[i];
            twice[300 + i] = base[i].clone();
        }
        KnnGraph g = NnDescent.build(Embeddings.flatten(twice, "codes"), 5, 6, 1, NO_GATE);
        for (int p = 0; p < 600; p++) {
            assertThat(g.dist()[p * 6]).as("point %d", p).isZero();
            assertThat(g.idx()[p * 6]).isEqualTo((p + 300) % 600);
        }
    }

    /** Fraction of the exact neighbour lists' entries that the approximate lists contain. */
    static double recall(KnnGraph exact, KnnGraph approx) {
        int k = exact.k();
        long hits = 0;
        for (int p = 0; p < exact.n(); p++) {
            for (int t = 0; t < k; t++) {
                int q = exact.idx()[p * k + t];
                for (int s = 0; s < k; s++) {
                    if (approx.idx()[p * k + s] == q) {
                        hits++;
                        break;
                    }
                }
            }
        }
        return (double) hits / ((long) exact.n() * k);
    }
}
