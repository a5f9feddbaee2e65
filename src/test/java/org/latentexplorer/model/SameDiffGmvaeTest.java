package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;

class SameDiffGmvaeTest {
    private static final int K = 3, W = 2, Z = 2;
    private static final ModelConfig TINY = new ModelConfig("gmvae", "dense", ImageShape.grey(2, 3), Z, List.of(5),
            Likelihood.BERNOULLI, "unit", "t", List.of(), Map.of("clusters", K, "wDim", W, "priorHidden", 4,
            "yHidden", 4, "meanBound", 2.5, "yFreeBits", 0.0));
    private static final float[][] X = {{1, 0, 1, 0, 0.5f, 1}, {0, 0, 1, 1, 1, 0.25f}};
    private static final float[][] EPS_W = {{0.3f, -1.2f}, {2.0f, 0.1f}};
    private static final float[][] EPS_Z = {{-0.7f, 0.4f}, {0.05f, 1.5f}};

    /** ReconsLoss, CondPrior, WPrior, YPrior of each example of X, in double precision from the weights. */
    private static double[][] handTerms(SameDiffGmvae m) {
        double[][] out = new double[X.length][4];
        for (int i = 0; i < X.length; i++) {
            double[] h = Hand.relu(Hand.affine(m, "enc0", Hand.d(X[i])));
            double[] wm = Hand.affine(m, "wMean", h), wl = Hand.affine(m, "wLogVar", h);
            double[] zm = Hand.affine(m, "zMean", h), zl = Hand.affine(m, "zLogVar", h);
            double[] w = new double[W], z = new double[Z];
            for (int j = 0; j < W; j++) {
                w[j] = wm[j] + Math.exp(0.5 * wl[j]) * EPS_W[i][j];
            }
            for (int j = 0; j < Z; j++) {
                z[j] = zm[j] + Math.exp(0.5 * zl[j]) * EPS_Z[i][j];
            }
            double[] logits = Hand.affine(m, "decOut", Hand.relu(Hand.affine(m, "dec0", z)));
            out[i][0] = Hand.bernoulliNll(X[i], logits);
            // Conditional prior: tanh hidden layer, means 2.5·tanh, variances softplus + 0.1.
            double[] ph = Hand.tanh(Hand.affine(m, "prior0", w));
            double[] pm = Arrays.stream(Hand.tanh(Hand.affine(m, "priorMean", ph))).map(v -> 2.5 * v).toArray();
            double[] pv = Arrays.stream(Hand.affine(m, "priorVar", ph)).map(v -> Math.log1p(Math.exp(v)) + 0.1).toArray();
            double[] yl = Hand.affine(m, "qy1", Hand.relu(Hand.affine(m, "qy0", Hand.concat(w, z))));
            double max = Arrays.stream(yl).max().orElseThrow();
            double norm = Arrays.stream(yl).map(v -> Math.exp(v - max)).sum();
            double cond = 0, yPrior = 0;
            for (int k = 0; k < K; k++) {
                double q = Math.exp(yl[k] - max) / norm;
                cond += q * Hand.kl(zm, zl, Arrays.copyOfRange(pm, k * Z, (k + 1) * Z), Arrays.copyOfRange(pv, k * Z, (k + 1) * Z));
                yPrior += q * Math.log(q * K);
            }
            out[i][1] = cond;
            out[i][2] = Hand.klStd(wm, wl);
            out[i][3] = yPrior;
        }
        return out;
    }

    @Test
    void eachElboTermMatchesAHandComputation() {
        SameDiffGmvae m = SameDiffGmvae.create(TINY, 7);
        Map<String, INDArray> out = m.graph().output(m.feed(X, EPS_W, EPS_Z), "ReconsLoss", "CondPrior", "WPrior",
                "YPrior", "loss");
        double[][] hand = handTerms(m);
        double loss = 0;
        List<String> names = m.lossTermNames();
        for (int i = 0; i < X.length; i++) {
            for (int t = 0; t < 4; t++) {
                assertThat(out.get(names.get(t)).getDouble(i)).as(names.get(t) + " of example " + i)
                        .isCloseTo(hand[i][t], within(1e-4 + 1e-4 * Math.abs(hand[i][t])));
                loss += hand[i][t] / X.length;
            }
        }
        assertThat(out.get("loss").getDouble(0)).isCloseTo(loss, within(1e-3));
        assertThat(m.combineLoss(Map.of("ReconsLoss", 1.0, "CondPrior", 2.0, "WPrior", 3.0, "YPrior", 4.0), 0.5))
                .isEqualTo(1 + 0.5 * 9);
    }

    @Test
    void componentMeansAreBoundedAndVariancesFloored() {
        SameDiffGmvae m = SameDiffGmvae.create(TINY, 3);
        float[][] w = {{100, -100}, {0, 0}, {-30, 7}};
        float[][][] p = m.conditionalPrior(w);
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < K * Z; j++) {
                assertThat(Math.abs(p[0][i][j])).isLessThanOrEqualTo(2.5f);
                assertThat(p[1][i][j]).isGreaterThanOrEqualTo(0.1f);
            }
        }
        // The truncated-normal bias puts the K components at different places from the start.
        assertThat(p[0][1][0]).isNotEqualTo(p[0][1][Z]);
    }

    @Test
    void responsibilitiesAreDistributionsOverTheClusters() {
        SameDiffGmvae m = SameDiffGmvae.create(TINY, 5);
        assertDistributions(m.responsibilities(X), 2, K);
    }

    /** n × k responsibilities, each row summing to 1. */
    static void assertDistributions(float[][] r, int n, int k) {
        assertThat(r).hasDimensions(n, k);
        for (float[] row : r) {
            double s = 0;
            for (float v : row) {
                s += v;
            }
            assertThat(s).isCloseTo(1, within(1e-5));
        }
    }

    @Test
    void importanceWeightedBoundIsAtLeastTheElbo() {
        SameDiffGmvae m = SameDiffGmvae.create(TINY, 5);
        SplittableRandom rng = new SplittableRandom(1);
        double[] w = m.logImportanceWeights(X[0], 2000, rng);
        double max = Arrays.stream(w).max().orElseThrow();
        double lme = max + Math.log(Arrays.stream(w).map(v -> Math.exp(v - max)).sum() / w.length);
        double elbo = -m.loss(new float[][]{X[0]}, rng).loss();
        // Summing y out exactly gives a bound at least as tight as eq. 4.3 with q(y|w,z).
        assertThat(lme).isGreaterThan(elbo - 0.5);
        assertThat(Arrays.stream(w).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void savedBundleReopensAsAGmvae(@TempDir Path dir) throws Exception {
        SameDiffGmvae m = SameDiffGmvae.create(TINY, 9);
        Path f = dir.resolve("g.lexb");
        new ModelBundle(m, null, null, null).save(f);
        try (ModelBundle b = ModelBundle.load(f)) {
            assertThat(b.model()).isInstanceOf(SameDiffGmvae.class);
            assertThat(((SameDiffGmvae) b.model()).responsibilities(X)).isEqualTo(m.responsibilities(X));
        }
    }

    @Test
    void badClusterCountsAndWDimsAreRefusedWithTheOption() {
        ImageShape s = ImageShape.grey(2, 3);
        assertThatThrownBy(() -> SameDiffGmvae.config(s, 1, 2, 10, null, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("--clusters").hasMessageContaining("got 1");
        assertThatThrownBy(() -> SameDiffGmvae.config(s, 101, 2, 10, null, null)).hasMessageContaining("--clusters");
        assertThatThrownBy(() -> SameDiffGmvae.config(s, 10, 0, 10, null, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("--w-dim");
        assertThat(Models.create(SameDiffGmvae.config(s, 4, 1, 3, List.of(8), null), 1)).isInstanceOf(SameDiffGmvae.class);
    }
    @Test
    void aDimensionWhoseCodeVarianceExceedsTheCodesSpreadIsCappedAndTheOthersAreLeft() {
        SameDiffGmvae m = SameDiffGmvae.create(TINY, 3);
        org.nd4j.linalg.api.ndarray.INDArray w = m.graph().getVariable(SameDiffVae.Z_LOG_VAR + "_W").getArr();
        org.nd4j.linalg.api.ndarray.INDArray b = m.graph().getVariable(SameDiffVae.Z_LOG_VAR + "_b").getArr();
        w.assign(0);
        b.putScalar(0, 0, Math.log(50));    // an unused VAE dimension after standardisation: variance 50
        b.putScalar(0, 1, Math.log(0.2));   // a used one
        assertThat(m.capCodeVariance(X)).containsExactly(0);
        float[][] logVar = m.encode(X).logVar();
        for (float[] row : logVar) {
            assertThat(Math.exp(row[0])).isCloseTo(1.0, within(1e-5));
            assertThat(Math.exp(row[1])).isCloseTo(0.2, within(1e-6));
        }
        assertThat(m.capCodeVariance(X)).as("nothing left to cap").isEmpty();
    }
}
