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

/**
 * Prior draws at a temperature (issue 21): the same random numbers at any T, the spread of z scaled by T,
 * so z(T) = z(0) + T (z(1) − z(0)) draw by draw, z(0) being the centre each draw is scattered around
 * (0 for N(0, I), the component or class mean otherwise).
 */
class PriorTemperatureTest {
    private static final ImageShape SHAPE = ImageShape.grey(3, 3);

    private static List<LatentModel> models() {
        return List.of(
                Models.create(new ModelConfig("vae", "dense", SHAPE, 2, List.of(8), Likelihood.BERNOULLI, "unit", "tiny",
                        List.of(), Map.of()), 3),
                Models.create(SameDiffGmvae.config(SHAPE, 3, 2, 4, List.of(8), Likelihood.BERNOULLI), 3),
                Models.create(SameDiffCvae.config(SHAPE, List.of("a", "b", "c"), "learned", 2, List.of(8), Likelihood.BERNOULLI), 3),
                Models.create(SameDiffCvae.config(SHAPE, List.of("a", "b", "c"), "fixed", 2, List.of(8), Likelihood.BERNOULLI), 3));
    }

    @Test
    void eachDrawMovesFromItsCentreInProportionToTheTemperatureAndOneIsThePriorItself() {
        for (LatentModel m : models()) {
            String kind = m.config().kind() + " " + m.config().extra();
            float[][] z0 = m.samplePrior(20, 0.0, new SplittableRandom(11));
            float[][] z1 = m.samplePrior(20, 1.0, new SplittableRandom(11));
            assertThat(z1).as(kind).isDeepEqualTo(m.samplePrior(20, new SplittableRandom(11)));
            assertThat(java.util.Arrays.deepEquals(z1, z0)).as(kind + ": T = 0 and 1 differ").isFalse();
            for (double t : new double[]{0.4, 2.5}) {
                float[][] zt = m.samplePrior(20, t, new SplittableRandom(11));
                for (int i = 0; i < zt.length; i++) {
                    for (int j = 0; j < zt[i].length; j++) {
                        assertThat((double) zt[i][j]).as(kind + " T = " + t + ", draw " + i)
                                .isCloseTo(z0[i][j] + t * (z1[i][j] - z0[i][j]), within(1e-4));
                    }
                }
            }
            assertThatThrownBy(() -> m.samplePrior(2, -1, new SplittableRandom(1))).as(kind)
                    .isInstanceOf(InputException.class).hasMessageContaining("temperature");
        }
    }
}
