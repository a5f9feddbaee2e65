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

/** The fused GMVAE step must compute exactly what the SameDiff graph of SameDiffGmvae defines. */
class GmvaeKernelTest {

    @Test
    void gradientsAndTermsMatchSameDiffWithTheYConstraintOnAndOff() {
        // freeBits 0: the y term always pulls; 5 nats (> log 3): it is clamped and exerts no gradient.
        for (double freeBits : new double[]{0.0, 5.0}) {
            for (Likelihood lik : List.of(Likelihood.BERNOULLI, Likelihood.gaussian(0.05))) {
                ModelConfig cfg = new ModelConfig("gmvae", "dense", ImageShape.grey(3, 4), 3, List.of(10, 6), lik, "unit",
                        "t", List.of(), Map.of("clusters", 3, "wDim", 2, "priorHidden", 5, "yHidden", 4, "meanBound", 2.5,
                        "yFreeBits", freeBits));
                SameDiffGmvae m = SameDiffGmvae.create(cfg, 21);
                SplittableRandom rng = new SplittableRandom(4);
                INDArray[] features = m.trainingFeatures(KernelChecks.halfStepRows(rng, 5, 12), rng, 0.7);
                Map<String, INDArray> feed = Map.of(SameDiffVae.X, features[0], SameDiffGmvae.EPS_W, features[1],
                        SameDiffGmvae.EPS_Z, features[2], SameDiffVae.KL_WEIGHT, features[3]);
                Map<String, INDArray> expected = KernelChecks.graphGradients(m, feed);
                Map<String, INDArray> actual = new LinkedHashMap<>();
                double[] terms = new GmvaeKernel(m, 1e-3, 0).gradients(features, actual);

                String what = lik + " freeBits " + freeBits;
                KernelChecks.assertSameGradients(expected, actual, what);
                Map<String, INDArray> out = m.graph().output(feed, SameDiffGmvae.RECONS, SameDiffGmvae.COND_PRIOR,
                        SameDiffGmvae.W_PRIOR, SameDiffGmvae.Y_PRIOR);
                List<String> names = m.lossTermNames();
                for (int t = 0; t < names.size(); t++) {
                    assertThat(terms[t]).as(what + " " + names.get(t))
                            .isCloseTo(out.get(names.get(t)).meanNumber().doubleValue(), within(1e-3));
                }
            }
        }
    }
}
