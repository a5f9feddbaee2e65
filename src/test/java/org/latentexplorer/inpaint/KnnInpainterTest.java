package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;

class KnnInpainterTest {
    private static final ImageShape S = ImageShape.vector(3);
    /** Three references of (observed a, observed b, missing c). */
    private static final Dataset REF = new Dataset("ref", S, 3, new float[]{
            0.0f, 0.0f, 0.2f,
            1.0f, 0.0f, 0.6f,
            0.0f, 0.5f, 1.0f}, null, null);
    private static final Mask LAST = new Mask(S, new boolean[]{false, false, true});

    private static Completion run(int k, KnnWeighting w, float[] x) {
        return new KnnInpainter(REF, k, w).complete(x, LAST, InpaintOptions.defaults(), new SplittableRandom(1),
                CancelToken.NONE, null);
    }

    @Test
    void matchesAHandComputedCase() {
        // x = (0.1, 0.1, ?): distances √0.02 ≈ 0.1414, √0.82 ≈ 0.9055, √0.17 ≈ 0.4123 → order 0, 2, 1.
        float[] x = {0.1f, 0.1f, Float.NaN};
        assertThat(run(1, KnnWeighting.UNIFORM, x).mean()[2]).isEqualTo(0.2f);
        assertThat(run(2, KnnWeighting.UNIFORM, x).mean()[2]).isCloseTo(0.6f, within(1e-6f));
        Completion all = run(3, KnnWeighting.UNIFORM, x);
        assertThat(all.mean()[2]).isCloseTo(0.6f, within(1e-6f));
        // Spread: values 0.2, 1.0, 0.6 around 0.6 → √((0.16 + 0.16 + 0) / 3).
        assertThat(all.stdDev()[2]).isCloseTo((float) Math.sqrt(0.32 / 3), within(1e-6f));
        assertThat(all.samples()[0][2]).isEqualTo(0.2f);
        assertThat(all.samples()[1][2]).isEqualTo(1.0f);

        // Softmax weights ∝ exp(−d): e^−0.1414, e^−0.4123 for K = 2.
        double w0 = Math.exp(-Math.sqrt(0.02)), w2 = Math.exp(-Math.sqrt(0.17));
        double expected = (w0 * 0.2 + w2 * 1.0) / (w0 + w2);
        assertThat(run(2, KnnWeighting.SOFTMAX, x).mean()[2]).isCloseTo((float) expected, within(1e-6f));
    }

    @Test
    void observedValuesAreKeptExactly() {
        float[] x = {0.123f, 0.777f, 0.5f};
        Completion c = run(2, KnnWeighting.SOFTMAX, x);
        for (float[] img : Inpaint.allImages(c)) {
            assertThat(img[0]).isEqualTo(0.123f);
            assertThat(img[1]).isEqualTo(0.777f);
        }
    }

    @Test
    void gapsInTheReferenceAreSkipped() {
        Dataset ratings = new Dataset("ratings", S, 2, new float[]{
                0f, Float.NaN, Float.NaN,
                1f, 1f, 0.25f}, null, null);
        float[] x = {0f, 1f, Float.NaN};
        Completion c = new KnnInpainter(ratings, 2, KnnWeighting.UNIFORM).complete(x, LAST, InpaintOptions.defaults(),
                new SplittableRandom(1), CancelToken.NONE, null);
        assertThat(c.mean()[2]).isEqualTo(0.25f); // the first neighbour has no value to vote with
    }

    @Test
    void kLargerThanTheReferenceIsRefused() {
        assertThatThrownBy(() -> new KnnInpainter(REF, 4, KnnWeighting.UNIFORM))
                .hasMessageContaining("K = 4").hasMessageContaining("3 examples");
        assertThatThrownBy(() -> MethodSpec.parse("knn:0")).hasMessageContaining("K ≥ 1");
        assertThatThrownBy(() -> MethodSpec.parse("knn:x")).hasMessageContaining("knn:10");
        assertThat(MethodSpec.parse("knn:10:softmax")).isEqualTo(MethodSpec.knn(10, KnnWeighting.SOFTMAX));
    }

    @Test
    void nearestMatchesAFullSortWithTiesToTheLowerIndex() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int k : new int[]{1, 5, 100, 300}) {
            double[] dist = new double[2000];
            for (int i = 0; i < dist.length; i++) {
                dist[i] = rng.nextInt(50); // many ties
            }
            int[] expected = java.util.stream.IntStream.range(0, dist.length).boxed()
                    .sorted(java.util.Comparator.<Integer>comparingDouble(i -> dist[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(KnnInpainter.nearest(dist, k)).as("k = %d", k).containsExactly(expected);
        }
    }
}
