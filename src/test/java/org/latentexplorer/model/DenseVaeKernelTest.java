package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fused kernel must compute exactly what the SameDiff graph defines. */
class DenseVaeKernelTest {

    @Test
    void gradientsAndTermsMatchSameDiffForBothLikelihoods() {
        for (Likelihood lik : List.of(Likelihood.BERNOULLI, Likelihood.gaussian(0.05))) {
            ModelConfig cfg = new ModelConfig("vae", "dense", ImageShape.grey(3, 4), 3, List.of(10, 6), lik, "unit", "t",
                    List.of(), Map.of());
            SameDiffVae m = SameDiffVae.create(cfg, 21);
            SplittableRandom rng = new SplittableRandom(4);
            INDArray[] features = m.trainingFeatures(KernelChecks.halfStepRows(rng, 5, 12), rng, 0.7);
            Map<String, INDArray> feed = Map.of(SameDiffVae.X, features[0], SameDiffVae.EPS, features[1],
                    SameDiffVae.KL_WEIGHT, features[2]);
            Map<String, INDArray> expected = KernelChecks.graphGradients(m, feed);
            Map<String, INDArray> actual = new LinkedHashMap<>();
            double[] terms = new DenseVaeKernel(m, 1e-3, 0).gradients(features, actual);

            KernelChecks.assertSameGradients(expected, actual, String.valueOf(lik));
            Map<String, INDArray> out = m.graph().output(feed, SameDiffVae.RECON, SameDiffVae.KL);
            assertThat(terms[0]).isCloseTo(out.get(SameDiffVae.RECON).meanNumber().doubleValue(), within(1e-3));
            assertThat(terms[1]).isCloseTo(out.get(SameDiffVae.KL).meanNumber().doubleValue(), within(1e-4));
        }
    }

    @Test
    void fastDecodeAndEncodeMatchTheGraph() {
        SameDiffVae m = SameDiffVae.create(ModelConfig.denseVae(ImageShape.grey(4, 4), 2, Likelihood.BERNOULLI), 8);
        float[][] z = m.samplePrior(7, new SplittableRandom(1));
        INDArray viaGraph = m.graph().output(Map.of(SameDiffVae.Z_IN, SameDiffModel.toArray(z, 2)), SameDiffVae.X_MEAN)
                .get(SameDiffVae.X_MEAN);
        float[][] fast = m.decode(z);
        for (int i = 0; i < z.length; i++) {
            for (int p = 0; p < 16; p++) {
                assertThat(fast[i][p]).isCloseTo(viaGraph.getFloat(i, p), within(1e-5f));
            }
        }
        float[][] x = m.decode(z);
        INDArray mu = m.graph().output(Map.of(SameDiffVae.X, SameDiffModel.toArray(x, 16)), SameDiffVae.Z_MEAN)
                .get(SameDiffVae.Z_MEAN);
        Posterior q = m.encode(x);
        assertThat(q.mean()[3][1]).isCloseTo(mu.getFloat(3, 1), within(1e-5f));
    }

    @Test
    void fastLogLikelihoodMatchesTheGraphForBothLikelihoods() {
        for (Likelihood lik : List.of(Likelihood.BERNOULLI, Likelihood.gaussian(0.1))) {
            SameDiffVae m = SameDiffVae.create(ModelConfig.denseVae(ImageShape.grey(3, 3), 2, lik), 6);
            float[][] z = m.samplePrior(4, new SplittableRandom(3));
            float[] x = {0, 1, 0.5f, 1, 1, 0, 0, 0.25f, 1};
            float[][] xs = {x, x, x, x};
            INDArray viaGraph = m.graph().output(Map.of(SameDiffVae.Z_IN, SameDiffModel.toArray(z, 2),
                    SameDiffVae.X_IN, SameDiffModel.toArray(xs, 9)), SameDiffVae.LOG_PXZ).get(SameDiffVae.LOG_PXZ);
            double[] fast = m.logPxz(SameDiffModel.toArray(new float[][]{x}, 9), z);
            for (int i = 0; i < 4; i++) {
                assertThat(fast[i]).as(lik.toString()).isCloseTo(viaGraph.getDouble(i), within(1e-3));
            }
        }
    }
}
