package org.latentexplorer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffGmvae;

/** The noise drawn once per seed and shared by every cluster (what makes a click one decode). */
class ClusterDrawsTest {
    private static final SameDiffGmvae GMVAE = (SameDiffGmvae) Models.create(
            SameDiffGmvae.config(ImageShape.grey(4, 4), 3, 2, 2, List.of(8), Likelihood.BERNOULLI), 1);

    @Test
    void gmvaeRowsDependOnTheirOwnNoiseAndClusterOnly() {
        ClusterModel.Draws d = new GmvaeClusters(GMVAE).draws(4, 7);
        float[][] mixed = d.sample(new int[] {0, 1, 2, 1}, 1.0);
        float[][] allOne = d.sample(new int[] {1, 1, 1, 1}, 1.0);
        assertThat(mixed).hasNumberOfRows(4);
        assertThat(mixed[1]).isEqualTo(allOne[1]);
        assertThat(mixed[3]).isEqualTo(allOne[3]);
        assertThat(mixed[0]).isNotEqualTo(allOne[0]);
        // The same seed gives the same samples; another seed others.
        assertThat(new GmvaeClusters(GMVAE).draws(4, 7).sample(new int[] {0, 1, 2, 1}, 1.0)).isDeepEqualTo(mixed);
        assertThat(new GmvaeClusters(GMVAE).draws(4, 8).sample(new int[] {0, 1, 2, 1}, 1.0)[0]).isNotEqualTo(mixed[0]);
        // Fewer than drawn is fine, more is refused, as is a cluster that does not exist.
        assertThat(d.sample(new int[] {2}, 0.5)).hasNumberOfRows(1);
        assertThatThrownBy(() -> d.sample(new int[5], 1.0)).hasMessageContaining("hold 4 samples");
        assertThatThrownBy(() -> d.sample(new int[] {3}, 1.0)).hasMessageContaining("--cluster");
    }

    @Test
    void fittedMixtureAtTemperatureZeroGivesTheCentres() {
        float[][] codes = new float[40][];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = new float[] {i % 2 == 0 ? -3f : 3f, (i % 5) * 0.1f};
        }
        FittedMixture f = FittedMixture.ofCodes(GMVAE, codes, 2, FittedMixture.Method.KMEANS, 1);
        float[][] centres = f.centres();
        float[][] s = f.draws(3, 1).sample(new int[] {1, 0, 1}, 0.0);
        assertThat(s[0]).isEqualTo(centres[1]);
        assertThat(s[1]).isEqualTo(centres[0]);
        assertThat(f.draws(3, 1).sample(new int[] {1, 0, 1}, 1.0)[2]).isNotEqualTo(centres[1]);
    }
}
