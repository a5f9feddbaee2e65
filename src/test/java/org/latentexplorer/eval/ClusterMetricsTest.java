package org.latentexplorer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.Json;

class ClusterMetricsTest {

    @Test
    void hungarianFindsTheOptimalAssignmentAgainstBruteForce() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(6);
            double[][] c = new double[n][n];
            for (double[] row : c) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextInt(20);
                }
            }
            int[] m = Hungarian.minimise(c);
            double got = 0;
            for (int i = 0; i < n; i++) {
                got += c[i][m[i]];
            }
            assertThat(got).isEqualTo(bruteForce(c, 0, new boolean[n]));
            assertThat(java.util.Arrays.stream(m).distinct().count()).isEqualTo(n);
        }
    }

    private static double bruteForce(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + bruteForce(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void permutedClusterNamesScorePerfectly() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2, 3};
        int[] perm = {2, 0, 3, 1};
        int[] assigned = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            assigned[i] = perm[labels[i]];
        }
        ClusterMetrics m = ClusterMetrics.compute(labels, assigned, 4, 4);
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(m.nmi()).isCloseTo(1.0, within(1e-12));
        assertThat(m.ari()).isCloseTo(1.0, within(1e-12));
        for (int c = 0; c < 4; c++) {
            assertThat(m.matching()[perm[c]]).isEqualTo(c);
        }
        assertThat(m.clusters().get(perm[2]).size()).isEqualTo(3);
        assertThat(m.clusters().get(perm[2]).majority()).isEqualTo(2);
    }

    @Test
    void oneToOneMatchingIsStricterThanMajorityVoting() {
        // Two clusters both dominated by class 0: Hungarian may give class 0 to only one of them.
        int[] labels = {0, 0, 0, 0, 1, 0, 0, 1, 1, 1};
        int[] assigned = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
        ClusterMetrics m = ClusterMetrics.compute(labels, assigned, 2, 3);
        // Best matching: cluster 0 → class 0 (4), cluster 2 → class 1 (2): 6 of 10; cluster 1 unmatched.
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
        // Majority: cluster 0 → 0 (4), cluster 1 → 0 (2), cluster 2 → 1 (2) = 8 of 10.
        assertThat(m.majorityAccuracy()).isCloseTo(0.8, within(1e-12));
        assertThat(m.matching()[1]).isEqualTo(-1);
        assertThat(m.clusters().get(1).purity()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void nmiAndAriMatchHandValues() {
        // Hand: H(Y) = ln 2, H(C) = 1.5 ln 2, I = ln 2 → NMI = 1 / 1.25 = 0.8;
        // ARI = (1 − 1/3) / (1.5 − 1/3) = 4/7.
        ClusterMetrics m = ClusterMetrics.compute(new int[]{0, 0, 1, 1}, new int[]{0, 0, 1, 2}, 2, 3);
        assertThat(m.nmi()).isCloseTo(0.8, within(1e-12));
        assertThat(m.ari()).isCloseTo(4 / 7.0, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void independentPartitionsScoreNearZero() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 20000;
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(10);
            b[i] = rng.nextInt(10);
        }
        ClusterMetrics m = ClusterMetrics.compute(a, b, 10, 10);
        assertThat(m.ari()).isCloseTo(0, within(0.01));
        assertThat(m.nmi()).isLessThan(0.01);
        assertThat(m.accuracy()).isLessThan(0.13);
    }

    @Test
    void badInputsAreRefusedAndResultsSerialise() throws Exception {
        assertThatThrownBy(() -> ClusterMetrics.compute(new int[]{0}, new int[]{0, 1}, 2, 2))
                .isInstanceOf(InputException.class).hasMessageContaining("1 labels for 2");
        assertThatThrownBy(() -> ClusterMetrics.compute(new int[]{0, 5}, new int[]{0, 1}, 2, 2))
                .isInstanceOf(InputException.class).hasMessageContaining("label 5");
        String json = Json.MAPPER.writeValueAsString(ClusterMetrics.compute(new int[]{0, 1}, new int[]{1, 0}, 2, 2))
                .replaceAll("\\s", "");
        assertThat(json).contains("\"accuracy\":1.0").contains("\"majority\"").contains("\"nmi\"");
    }
}
