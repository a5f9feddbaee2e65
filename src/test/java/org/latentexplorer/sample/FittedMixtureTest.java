package org.latentexplorer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.LossTerms;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.Posterior;

class FittedMixtureTest {
    /** A "model" whose code is its input: the fitted mixture then clusters the inputs themselves. */
    private static final LatentModel IDENTITY = new LatentModel() {
        private final ModelConfig config = new ModelConfig("vae", "dense", ImageShape.vector(2), 2, List.of(), null,
                null, null, null, Map.of());

        public ModelConfig config() {
            return config;
        }

        public Posterior encode(float[][] x) {
            return new Posterior(x, new float[x.length][2]);
        }

        public float[][] decode(float[][] z) {
            return z;
        }

        public float[][] samplePrior(int n, SplittableRandom rng) {
            return new float[n][2];
        }

        public LossTerms loss(float[][] x, SplittableRandom rng) {
            return new LossTerms(0, Map.of());
        }

        public double[] logImportanceWeights(float[] x, int k, SplittableRandom rng) {
            return new double[k];
        }

        public double[] logLikelihood(float[][] x, float[][] z) {
            return new double[x.length];
        }

        public void close() {
        }
    };

    private static final float[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};

    private static float[][] blobs(int n, int[] labels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][2];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            x[i][0] = (float) (CENTRES[labels[i]][0] + 0.5 * rng.nextGaussian());
            x[i][1] = (float) (CENTRES[labels[i]][1] + 0.5 * rng.nextGaussian());
        }
        return x;
    }

    @Test
    void kMeansAndGmmRecoverSeparatedBlobs() {
        int[] labels = new int[300];
        float[][] x = blobs(300, labels, 1);
        for (FittedMixture.Method method : FittedMixture.Method.values()) {
            ClusterModel c = ClusterModels.of(IDENTITY, x, 3, method, 7);
            ClusterMetrics m = ClusterMetrics.compute(labels, c.assign(x), 3, 3);
            assertThat(m.accuracy()).as(method.toString()).isEqualTo(1.0);
            float[][] r = c.responsibilities(x);
            assertThat(r[0][c.assign(x)[0]]).isGreaterThan(0.99f);
            // Samples of a cluster lie around its centre; the centre is the component mean.
            int k = c.assign(new float[][]{CENTRES[1]})[0];
            for (float[] s : c.sample(k, 50, 1.0, new SplittableRandom(2))) {
                assertThat(Math.hypot(s[0] - 10, s[1])).isLessThan(3);
            }
            assertThat(c.centres()[k][0]).isCloseTo(10f, org.assertj.core.api.Assertions.within(0.3f));
            assertThat(c.fixWVaryY(1.0, new SplittableRandom(3))).hasNumberOfRows(3);
        }
    }

    @Test
    void aFullCovarianceMixtureKeepsTheCorrelationThatADiagonalOneLoses() {
        // Two elongated, tilted clusters: y = x + small noise around (0, 0) and (20, 0).
        SplittableRandom rng = new SplittableRandom(5);
        float[][] x = new float[800][2];
        for (int i = 0; i < x.length; i++) {
            double t = 2 * rng.nextGaussian();
            float cx = i % 2 == 0 ? 0 : 20;
            x[i][0] = (float) (cx + t);
            x[i][1] = (float) (t + 0.2 * rng.nextGaussian());
        }
        double full = correlation(ClusterModels.of(IDENTITY, x, 2, FittedMixture.Method.GMM_FULL, 3)
                .sample(0, 2000, 1.0, new SplittableRandom(9)));
        double diagonal = correlation(ClusterModels.of(IDENTITY, x, 2, FittedMixture.Method.GMM, 3)
                .sample(0, 2000, 1.0, new SplittableRandom(9)));
        assertThat(full).isGreaterThan(0.95);
        assertThat(Math.abs(diagonal)).isLessThan(0.1);
        assertThat(FittedMixture.Method.parse("gmm-full")).isEqualTo(FittedMixture.Method.GMM_FULL);
    }

    private static double correlation(float[][] s) {
        double mx = 0, my = 0;
        for (float[] p : s) {
            mx += p[0] / s.length;
            my += p[1] / s.length;
        }
        double sxy = 0, sxx = 0, syy = 0;
        for (float[] p : s) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void gmmVariancesFollowTheData() {
        int[] labels = new int[600];
        float[][] x = blobs(600, labels, 4);
        FittedMixture f = FittedMixture.fit(IDENTITY, x, 3, FittedMixture.Method.GMM, 1);
        for (double[] v : f.mixture().variances()) {
            assertThat(v[0]).isBetween(0.15, 0.4);
        }
        assertThat(java.util.Arrays.stream(f.mixture().weights()).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aPlainVaeHasNoClustersOfItsOwnAndBadArgumentsAreNamed() {
        assertThatThrownBy(() -> ClusterModels.of(IDENTITY)).isInstanceOf(InputException.class)
                .hasMessageContaining("no discrete latent");
        float[][] x = blobs(30, new int[30], 1);
        assertThatThrownBy(() -> FittedMixture.fit(IDENTITY, x, 1, FittedMixture.Method.KMEANS, 1))
                .hasMessageContaining("--clusters");
        assertThatThrownBy(() -> FittedMixture.fit(IDENTITY, x, 31 + 70, FittedMixture.Method.KMEANS, 1))
                .hasMessageContaining("--clusters");
        ClusterModel c = FittedMixture.fit(IDENTITY, x, 3, FittedMixture.Method.KMEANS, 1);
        assertThatThrownBy(() -> c.sample(3, 1, 1, new SplittableRandom(1))).hasMessageContaining("--cluster");
        assertThatThrownBy(() -> c.fixZVaryW(0, new float[1][2], 1, new SplittableRandom(1)))
                .hasMessageContaining("no w latent");
        assertThatThrownBy(() -> FittedMixture.Method.parse("dbscan")).hasMessageContaining("kmeans");
    }
}
