package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowTableTest {
    @Test
    void matchesMathPowWithinTheInterpolationBound() {
        for (double b : new double[] {0.5, 0.79, 0.8951, 1.0, 1.4}) {
            PowTable t = new PowTable(b);
            double bound = b * Math.abs(b - 1) / 8 / (64.0 * 64.0) + 2e-7;
            SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < 200_000; i++) {
                double x = Math.exp(rnd.nextDouble(-60, 60));
                assertThat(t.of(x) / Math.pow(x, b)).as("%s^%s", x, b).isCloseTo(1, org.assertj.core.data.Offset.offset(bound));
            }
            assertThat(t.of(0)).isZero();
            assertThat(t.of(1)).isEqualTo(1);
        }
    }
}
