package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.embed.Neighbours.Metric;

class NeighboursTest {
    /** Points on a line at 0, 1, 3, 6, 10 (and a second coordinate of zero). */
    private static final float[][] LINE = {{0, 0}, {1, 0}, {3, 0}, {6, 0}, {10, 0}};

    @Test
    void euclideanNeighboursAreNearestFirstWithTheirDistancesAndWithoutThePointItself() {
        Neighbours.Found f = Neighbours.nearest(LINE, 2, 3, Metric.EUCLIDEAN, null);
        assertThat(f.index()).containsExactly(1, 0, 3);
        assertThat(f.distance()).containsExactly(2.0, 3.0, 3.0);
    }

    @Test
    void tiesGoToTheSmallerIndexWhateverTheOrderOfTheCandidates() {
        // 0 and 4 are both at distance 2 from 2; 1 and 3 both at distance 1.
        float[][] z = {{-2}, {-1}, {0}, {1}, {2}};
        assertThat(Neighbours.nearest(z, 2, 3, Metric.EUCLIDEAN, null).index()).containsExactly(1, 3, 0);
        assertThat(Neighbours.nearest(z, 2, 3, Metric.EUCLIDEAN, new int[] {4, 3, 2, 1, 0}).index())
                .containsExactly(1, 3, 0);
    }

    @Test
    void cosineLooksAtAnglesNotLengths() {
        float[][] z = {{1, 0}, {10, 0.5f}, {0.1f, 0.1f}, {0, 1}, {-1, 0}, {0, 0}};
        Neighbours.Found f = Neighbours.nearest(z, 0, 5, Metric.COSINE, null);
        // Far but at almost the same angle first; the opposite direction last, past the zero vector.
        assertThat(f.index()).containsExactly(1, 2, 3, 5, 4);
        assertThat(f.distance()[0]).isCloseTo(1 - 10 / Math.sqrt(100.25), within(1e-9));
        assertThat(f.distance()[1]).isCloseTo(1 - Math.sqrt(0.5), within(1e-6));
        assertThat(f.distance()[2]).isEqualTo(1.0);
        assertThat(f.distance()[3]).isEqualTo(1.0); // the zero vector, by convention
        assertThat(f.distance()[4]).isEqualTo(2.0);
        // Euclidean puts the short vectors first.
        assertThat(Neighbours.nearest(z, 0, 2, Metric.EUCLIDEAN, null).index()).containsExactly(2, 5);
    }

    @Test
    void candidatesCanBeLimitedAndFewerThanKAreReturnedWhenThereAreFewer() {
        Neighbours.Found f = Neighbours.nearest(LINE, 0, 10, Metric.EUCLIDEAN, new int[] {0, 3, 4});
        assertThat(f.index()).containsExactly(3, 4);
        assertThat(f.size()).isEqualTo(2);
    }

    @Test
    void mapNeighboursAreInThePlaneAndSkipPointsWithoutAPlace() {
        float[] x = {0, 1, Float.NaN, 0, 5};
        float[] y = {0, 1, 0, 2, 0};
        Neighbours.Found f = Neighbours.nearestOnMap(x, y, 0, 3, null);
        assertThat(f.index()).containsExactly(1, 3, 4);
        assertThat(f.distance()[0]).isCloseTo(Math.sqrt(2), within(1e-9));
    }

    @Test
    void overlapCountsSharedNeighbours() {
        assertThat(Neighbours.overlap(new int[] {1, 2, 3, 4}, new int[] {9, 4, 1, 7})).isEqualTo(2);
        assertThat(Neighbours.overlap(new int[] {}, new int[] {1})).isZero();
    }

    @Test
    void aFaithfulMapKeepsEveryNeighbourAndAShuffledOneFew() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int n = 400;
        float[][] codes = new float[n][2];
        float[] x = new float[n];
        float[] y = new float[n];
        float[] sx = new float[n];
        float[] sy = new float[n];
        for (int i = 0; i < n; i++) {
            codes[i][0] = x[i] = (float) rng.nextGaussian();
            codes[i][1] = y[i] = (float) rng.nextGaussian();
            sx[i] = (float) rng.nextGaussian();
            sy[i] = (float) rng.nextGaussian();
        }
        int same = 0;
        int shuffled = 0;
        for (int i = 0; i < n; i += 10) {
            int[] high = Neighbours.nearest(codes, i, 10, Metric.EUCLIDEAN, null).index();
            same += Neighbours.overlap(high, Neighbours.nearestOnMap(x, y, i, 10, null).index());
            shuffled += Neighbours.overlap(high, Neighbours.nearestOnMap(sx, sy, i, 10, null).index());
        }
        assertThat(same).isEqualTo(40 * 10);
        assertThat(shuffled).isLessThan(40);
    }

    @Test
    void badQueriesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> Neighbours.nearest(LINE, 7, 3, Metric.EUCLIDEAN, null))
                .isInstanceOf(InputException.class).hasMessageContaining("point 7");
        assertThatThrownBy(() -> Neighbours.nearest(LINE, 0, 0, Metric.EUCLIDEAN, null))
                .isInstanceOf(InputException.class).hasMessageContaining("got 0");
    }
}
