package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SameDiffVaeTest {
    private static final ModelConfig TINY = new ModelConfig("vae", "dense", ImageShape.grey(2, 3), 2, List.of(5),
            Likelihood.BERNOULLI, "unit", "t", List.of(), Map.of());

    private static final float[][] X = {{1, 0, 1, 0, 0.5f, 1}, {0, 0, 1, 1, 1, 0.25f}};
    private static final float[][] EPS = {{0.3f, -1.2f}, {2.0f, 0.1f}};

    /** Forward pass by hand in double precision, from the graph's own weights. */
    private static double[][] handTerms(SameDiffVae m, Likelihood lik) {
        double[][] out = new double[X.length][2];
        for (int i = 0; i < X.length; i++) {
            double[] h = relu(affine(X[i], w(m, "enc0_W"), w(m, "enc0_b")));
            double[] mu = affine(h, w(m, "zMean_W"), w(m, "zMean_b"));
            double[] lv = affine(h, w(m, "zLogVar_W"), w(m, "zLogVar_b"));
            double[] z = new double[2];
            double kl = 0;
            for (int j = 0; j < 2; j++) {
                z[j] = mu[j] + Math.exp(0.5 * lv[j]) * EPS[i][j];
                kl += -0.5 * (1 + lv[j] - mu[j] * mu[j] - Math.exp(lv[j]));
            }
            double[] l = affine(relu(affine(z, w(m, "dec0_W"), w(m, "dec0_b"))), w(m, "decOut_W"), w(m, "decOut_b"));
            double rec = 0;
            for (int p = 0; p < l.length; p++) {
                double prob = 1 / (1 + Math.exp(-l[p]));
                rec -= lik.kind() == Likelihood.Kind.BERNOULLI
                        ? X[i][p] * Math.log(prob) + (1 - X[i][p]) * Math.log(1 - prob)
                        : -0.5 * Math.log(2 * Math.PI * lik.variance()) - Math.pow(X[i][p] - prob, 2) / (2 * lik.variance());
            }
            out[i][0] = rec;
            out[i][1] = kl;
        }
        return out;
    }

    @Test
    void elboTermsMatchHandComputationForBothLikelihoods() {
        for (Likelihood lik : List.of(Likelihood.BERNOULLI, Likelihood.gaussian(0.01))) {
            ModelConfig cfg = new ModelConfig("vae", "dense", TINY.inputShape(), 2, List.of(5), lik, "unit", "t",
                    List.of(), Map.of());
            SameDiffVae m = SameDiffVae.create(cfg, 7);
            Map<String, INDArray> out = m.graph().output(feed(m, 1.0), SameDiffVae.RECON, SameDiffVae.KL, SameDiffVae.LOSS);
            double[][] hand = handTerms(m, lik);
            double loss = 0;
            for (int i = 0; i < X.length; i++) {
                assertThat(out.get(SameDiffVae.RECON).getDouble(i)).as("recon " + lik).isCloseTo(hand[i][0], within(1e-3 * Math.abs(hand[i][0]) + 1e-3));
                assertThat(out.get(SameDiffVae.KL).getDouble(i)).as("kl").isCloseTo(hand[i][1], within(1e-4));
                loss += (hand[i][0] + hand[i][1]) / X.length;
            }
            assertThat(out.get(SameDiffVae.LOSS).getDouble(0)).isCloseTo(loss, within(1e-3 * Math.abs(loss)));
        }
    }

    @Test
    void klWeightScalesOnlyTheKlTerm() {
        SameDiffVae m = SameDiffVae.create(TINY, 3);
        double[][] hand = handTerms(m, Likelihood.BERNOULLI);
        double loss = m.graph().output(feed(m, 0.25), SameDiffVae.LOSS).get(SameDiffVae.LOSS).getDouble(0);
        double expected = ((hand[0][0] + 0.25 * hand[0][1]) + (hand[1][0] + 0.25 * hand[1][1])) / 2;
        assertThat(loss).isCloseTo(expected, within(1e-3 * Math.abs(expected)));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SameDiffVae m = SameDiffVae.create(TINY, 11);
        Map<String, INDArray> feed = feed(m, 1.0);
        List<String> names = List.of("enc0_W", "zMean_b", "zLogVar_W", "dec0_W", "decOut_b");
        Map<String, INDArray> grads = m.graph().calculateGradients(feed, names);
        double h = 1e-2;
        for (String name : names) {
            INDArray w = m.graph().getVariable(name).getArr();
            for (int k = 0; k < Math.min(4, w.length()); k++) {
                double orig = w.getDouble(k);
                w.putScalar(k, orig + h);
                double up = lossOf(m, feed);
                w.putScalar(k, orig - h);
                double down = lossOf(m, feed);
                w.putScalar(k, orig);
                double numeric = (up - down) / (2 * h);
                double analytic = grads.get(name).getDouble(k);
                assertThat(analytic).as(name + "[" + k + "]").isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
            }
        }
    }

    @Test
    void importanceWeightedEstimateIsAtLeastTheElboOnAverage() {
        SameDiffVae m = SameDiffVae.create(TINY, 5);
        SplittableRandom rng = new SplittableRandom(1);
        double elbo = -m.loss(new float[][]{X[0]}, rng).loss();
        double[] w = m.logImportanceWeights(X[0], 2000, rng);
        double max = java.util.Arrays.stream(w).max().orElseThrow();
        double lme = max + Math.log(java.util.Arrays.stream(w).map(v -> Math.exp(v - max)).sum() / w.length);
        double meanW = java.util.Arrays.stream(w).average().orElseThrow();
        assertThat(meanW).as("mean log-weight is an ELBO estimate").isCloseTo(elbo, within(0.5));
        assertThat(lme).isGreaterThanOrEqualTo(meanW);
    }

    @Test
    void decodeGivesProbabilitiesAndEncodeChecksWidth() {
        SameDiffVae m = SameDiffVae.create(TINY, 2);
        float[][] img = m.decode(m.samplePrior(3, new SplittableRandom(0)));
        assertThat(img).hasDimensions(3, 6);
        for (float[] row : img) {
            for (float v : row) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThatThrownBy(() -> m.encode(new float[][]{{1, 2, 3}})).isInstanceOf(InputException.class)
                .hasMessageContaining("expects 6");
    }

    private static double lossOf(SameDiffVae m, Map<String, INDArray> feed) {
        return m.graph().output(feed, SameDiffVae.LOSS).get(SameDiffVae.LOSS).getDouble(0);
    }

    private static Map<String, INDArray> feed(SameDiffVae m, double klWeight) {
        return Map.of(SameDiffVae.X, SameDiffModel.toArray(X, 6), SameDiffVae.EPS, SameDiffModel.toArray(EPS, 2),
                SameDiffVae.KL_WEIGHT, Nd4j.create(new float[]{(float) klWeight}, new long[]{1}, 'c'));
    }

    private static double[] w(SameDiffVae m, String name) {
        return m.graph().getVariable(name).getArr().dup().ravel().toDoubleVector();
    }

    private static double[] affine(double[] x, double[] w, double[] b) {
        double[] y = b.clone();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < b.length; j++) {
                y[j] += x[i] * w[i * b.length + j];
            }
        }
        return y;
    }

    private static double[] affine(float[] x, double[] w, double[] b) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return affine(d, w, b);
    }

    private static double[] relu(double[] v) {
        return java.util.Arrays.stream(v).map(a -> Math.max(0, a)).toArray();
    }
}
