package org.latentexplorer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentexplorer.model.Posterior;

class LatentUsageTest {
    @Test
    void activeUnitsAreThoseWhosePosteriorMeanVariesAcrossExamples() {
        // z1's mean varies (±1: variance 4/3 over four examples), z2's barely (±0.01), z3 is the prior itself.
        float[][] mu = {{1, 0.01f, 0}, {-1, -0.01f, 0}, {1, 0.01f, 0}, {-1, -0.01f, 0}};
        float[][] lv = {{-2, 0, 0}, {-2, 0, 0}, {-2, 0, 0}, {-2, 0, 0}};
        LatentUsage.Builder b = new LatentUsage.Builder();
        b.add(new Posterior(java.util.Arrays.copyOf(mu, 2), java.util.Arrays.copyOf(lv, 2)));
        b.add(new Posterior(java.util.Arrays.copyOfRange(mu, 2, 4), java.util.Arrays.copyOfRange(lv, 2, 4)));
        LatentUsage u = b.build();
        assertThat(u.activity()[0]).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(u.activity()[1]).isCloseTo(4e-4 / 3, within(1e-9));
        assertThat(u.active()).isEqualTo(1);
        // KL(N(±1, e^−2) ‖ N(0, 1)) = −½ (1 − 2 − 1 − e^−2); the prior's own dimension costs nothing.
        assertThat(u.kl()[0]).isCloseTo(-0.5 * (1 - 2 - 1 - Math.exp(-2)), within(1e-6));
        assertThat(u.kl()[2]).isCloseTo(0, within(1e-12));
        assertThat(u.byKl()).containsExactly(0, 1, 2);
        assertThat(u.table().get(0)).startsWith("z1 ").endsWith("active");
    }
}
